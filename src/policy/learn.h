/* Learning internals: path generalisation (learn_paths.c). */
#ifndef PTRC_POLICY_LEARN_H
#define PTRC_POLICY_LEARN_H

#include "internal.h"

/*
 * Turns absolute paths into a sorted list of globs that matches every one
 * of them; *globs (and each string) is malloc'd.  Returns the count.
 */
unsigned learn_generalise(const char *const *paths, unsigned n, char ***globs);
/* Adds s to sb as a glob that matches s alone: '*', '?', '[', ']' and '\' escaped. */
void learn_glob_literal(struct strbuf *sb, const char *s, size_t n);

/* Writes rules for records sorted by strcmp (learn_write.c). */
void learn_write_rules(char **recs, unsigned n, struct strbuf *out);

#endif
