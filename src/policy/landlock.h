/*
 * A policy's path rules as a Landlock ruleset (landlock.c): which access
 * rights the kernel can enforce, beneath which paths, and which rules stay
 * ptrace's alone.  Rights are the kernel's LANDLOCK_ACCESS_FS_* bits; the ones
 * this system's headers lack (TRUNCATE before Linux 6.2's, IOCTL_DEV before
 * 6.10's) are 0 and never handled.
 */
#ifndef PTRC_POLICY_LANDLOCK_H
#define PTRC_POLICY_LANDLOCK_H

#include <linux/landlock.h>
#include <stdint.h>

#include "policy.h"

#ifdef LANDLOCK_ACCESS_FS_TRUNCATE
#define LL_TRUNCATE ((uint64_t)LANDLOCK_ACCESS_FS_TRUNCATE)
#else
#define LL_TRUNCATE ((uint64_t)0)
#endif
#ifdef LANDLOCK_ACCESS_FS_IOCTL_DEV
#define LL_IOCTL_DEV ((uint64_t)LANDLOCK_ACCESS_FS_IOCTL_DEV)
#else
#define LL_IOCTL_DEV ((uint64_t)0)
#endif
#define LL_REFER ((uint64_t)LANDLOCK_ACCESS_FS_REFER)

/* What a glob's base stands for: exactly the glob, its tree, or more than the glob. */
enum policy_glob_shape {
	PGS_EXACT,   /* no wildcard: the base is the glob */
	PGS_TREE,    /* DIR then a double star: everything beneath DIR, a rule on DIR */
	PGS_WIDENED, /* a wildcard elsewhere: the kernel allows all beneath the base */
};

/* The directory above a glob's first wildcard component, unescaped (malloc'd). */
char *policy_glob_base(const char *glob, enum policy_glob_shape *shape);

struct policy_ll_entry {
	char *path;	 /* absolute; the caller opens it, or its nearest existing parent */
	uint64_t rights; /* granted beneath path */
	unsigned line;	 /* the rule's, 0 for one ptrc adds */
};

/* Rules the kernel enforces more loosely than the policy: ptrace alone checks the rest. */
enum policy_ll_gap_kind {
	PLG_DENY_INSIDE, /* a deny rule inside what a later allow rule grants */
	PLG_WIDENED,	 /* a glob (or a made file's name) widened to its directory */
	PLG_EXE,	 /* an exe= scope */
};

struct policy_ll_gap {
	enum policy_ll_gap_kind kind;
	unsigned line;
};

struct policy_landlock {
	uint64_t handled; /* rights the ruleset handles; 0: no ruleset */
	struct policy_ll_entry *ents;
	unsigned nents;
	struct policy_ll_gap *gaps;
	unsigned ngaps;
	uint64_t unbounded;	 /* supported rights some allowed call needs for any path */
	unsigned unbounded_line; /* the first rule that allows one */
	const char *off;	 /* why no ruleset at all, or NULL */
	unsigned off_line;	 /* the rule it is about, or 0 */
};

/* The rights ptrc handles under Landlock ABI abi (0 below ABI 2). */
uint64_t policy_landlock_rights(unsigned abi);
/* The rights a rule on a file (not a directory) may carry. */
uint64_t policy_landlock_file_rights(void);
/* Plans p's ruleset with the supported rights; free with policy_landlock_free. */
void policy_landlock_plan(const struct policy *p, uint64_t supported, struct policy_landlock *ll);
void policy_landlock_free(struct policy_landlock *ll);

#endif
