/* strace 6.1's option values beyond names: timestamps, --quiet, hex strings, fd decoding. */
#ifndef PTRC_CLI_STRACE_OPTS_H
#define PTRC_CLI_STRACE_OPTS_H

#include <stddef.h>
#include <stdint.h>

#include "options.h"

/*
 * strace's time specification: a number (strtod) with s, ms, us or ns, or
 * microseconds without a unit, as nanoseconds.  -EINVAL otherwise.
 */
int opt_time_spec(const char *arg, uint64_t *ns);
/* "s", "ms", "us", "ns" as digits after the point (0, 3, 6, 9); -EINVAL otherwise. */
int opt_precision(const char *arg, uint8_t *digits);
int opt_timestamps(struct config *cfg, const char *arg, char *err, size_t len);
/* -q's count as strace's --quiet set. */
unsigned opt_quiet_level(unsigned count);
int opt_quiet(struct config *cfg, const char *arg, char *err, size_t len);
int opt_strings_in_hex(struct config *cfg, const char *arg, char *err, size_t len);
/* --daemonize[=grandchild|pgroup|session] (cfg->daemonize_long), not with -D. */
int opt_daemonize(struct config *cfg, const char *arg, char *err, size_t len);
int opt_decode_fds(struct config *cfg, const char *arg, char *err, size_t len);
int opt_abbrev_set(struct config *cfg, const char *key, const char *arg, char *err, size_t len);

#endif
