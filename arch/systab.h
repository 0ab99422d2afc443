/* Raw syscall tables generated at build time from the kernel UAPI headers. */
#ifndef PTRC_ARCH_SYSTAB_H
#define PTRC_ARCH_SYSTAB_H

struct systab_raw {
	const char *name;
	unsigned nr;
};

/* Entries are sorted by name; numbers are the ABI's own. */
struct systab {
	const struct systab_raw *entries;
	unsigned len;
};

#endif
