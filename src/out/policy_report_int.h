/* Pieces the --policy-report formats share (policy_report.c, policy_sarif.c). */
#ifndef PTRC_OUT_POLICY_REPORT_INT_H
#define PTRC_OUT_POLICY_REPORT_INT_H

#include <stdbool.h>

#include "policy_report.h"

/* What follows "root/" in an absolute file beneath root, else NULL (always for root "/"). */
const char *report_beneath(const char *file, const char *root);
/* An absolute path with "//", "." and ".." folded as text, appended to out. */
void report_fold(struct strbuf *out, const char *path);
/* A file as a report names it: relative to r->srcroot when beneath it, else as kept. */
const char *report_shown(const struct report *r, const char *file);
/* "rule ci.policy:4: deny ptrace", "rule ci.policy: the default". */
void report_rule_ref(struct strbuf *sb, const struct report *r, const struct report_violation *v);
/* "getppid() in /work/job (pid 7762), the path leads to X; rule ci.policy:4: deny getppid". */
void report_message(struct strbuf *sb, const struct report *r, const struct report_violation *v);
/* GitHub's workflow-command escaping of a message, or of a property (property true). */
void report_gh_escape(struct strbuf *sb, const char *s, bool property);
/* The SARIF 2.1.0 log (policy_sarif.c). */
void report_sarif(struct strbuf *sb, const struct report *r);

#endif
