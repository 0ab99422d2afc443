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
/* How much of a path component to keep before a '*' when the rest looks random, else n. */
size_t learn_random_keep(const char *s, size_t n);
/* A path as a glob, numbers and random-looking names generalised (malloc'd). */
char *learn_path_glob(const char *path);
/* A glob with a leading ${CWD}, ${HOME} or ${TMPDIR} for their values (malloc'd). */
char *learn_with_vars(const char *glob, const struct policy_vars *vars);

/* Writes rules for records sorted by strcmp (learn_write.c). */
void learn_write_rules(char **recs, unsigned n, const struct policy_vars *vars, struct strbuf *out);

#endif
