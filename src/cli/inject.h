/*
 * strace's syscall tampering: -e inject=SET:... and -e fault=SET:...
 * (strace(1), "Tampering"), parsed into specs the tracer applies
 * (src/core/inject.c).  For each syscall the last spec whose set names it
 * decides, and invocations are counted per syscall and per thread.
 */
#ifndef PTRC_CLI_INJECT_H
#define PTRC_CLI_INJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sys/filter.h"

enum { INJECT_WHEN_MAX = 65535 };

struct inject_spec {
	struct sysfilter set;
	int error;	 /* :error=ERRNO (1..4095), 0 without */
	bool has_retval; /* :retval=VALUE */
	int64_t retval;
	int signal;    /* :signal=SIG, 0 without */
	char *syscall; /* :syscall=NAME (a %pure call run instead of -1), or NULL */
	uint64_t delay_enter_us, delay_exit_us; /* :delay_enter=, :delay_exit= */
	uint16_t first, last, step;		/* :when=first[..last][+[step]]; last 0: no end */
};

struct config;
/*
 * Adds one -e inject= (fault false) or -e fault= (fault true) value.
 * Returns 0, or -EINVAL with a one-line reason in err.
 */
int inject_parse(struct config *cfg, const char *value, bool fault, char *err, size_t errlen);
/* Whether invocation n (from 1) of a syscall is tampered with under spec s. */
bool inject_when(const struct inject_spec *s, unsigned n);
void inject_free(struct config *cfg);

#endif
