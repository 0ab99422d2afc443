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
/* poke_enter=@argN=HEX,...: strace's limits, arg1..arg7 and 1024 bytes a poke. */
enum { INJECT_POKE_ARGS = 7, INJECT_POKE_MAX = 1024 };
enum { INJECT_AT_ENTRY, INJECT_AT_EXIT };

/* The bytes one @argN=HEX writes where argument N points. */
struct inject_poke {
	uint8_t arg; /* 1..INJECT_POKE_ARGS */
	uint16_t len;
	uint8_t *data;
};

struct inject_spec {
	struct sysfilter set;
	int error;	 /* :error=ERRNO (1..4095), 0 without */
	bool has_retval; /* :retval=VALUE */
	int64_t retval;
	int signal;    /* :signal=SIG, 0 without */
	char *syscall; /* :syscall=NAME (a %pure call run instead of -1), or NULL */
	uint64_t delay_enter_us, delay_exit_us; /* :delay_enter=, :delay_exit= */
	uint16_t first, last, step;		/* :when=first[..last][+[step]]; last 0: no end */
	/* :poke_enter= ([INJECT_AT_ENTRY]) and :poke_exit= ([INJECT_AT_EXIT]). */
	struct inject_poke poke[2][INJECT_POKE_ARGS];
	uint8_t npoke[2];
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
