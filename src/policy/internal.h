/* Shared inside src/policy/ only. */
#ifndef PTRC_POLICY_INTERNAL_H
#define PTRC_POLICY_INTERNAL_H

#include "policy.h"

/* What a syscall's arguments mean to the policy (roles.c, from syscalls.def). */
enum sc_kind {
	SCK_NONE,
	SCK_FILE,   /* path arguments */
	SCK_OPEN,   /* path arguments and open flags */
	SCK_EXEC,   /* execve, execveat: the program */
	SCK_SOCKET, /* socket, socketpair: domain in argument 0 */
	SCK_NET,    /* a destination sockaddr */
};

struct sc_info {
	const char *name;
	uint8_t kind;
	int8_t path[2];	 /* argument index of each path, -1 for none */
	int8_t dirfd[2]; /* argument holding the dirfd of path[i], -1 for the cwd */
	int8_t aux; /* OPEN: flags argument (-2: openat2's how); SOCKET: the domain; NET: address */
	int8_t aux2; /* NET: address length argument, -1 for sendmsg's msghdr */
};

struct sysent;

/* The roles of a call's arguments, or NULL for a call with none the policy reads. */
const struct sc_info *sc_info_of(const struct sysent *ent);
const struct sc_info *sc_info_find(const char *name);
/* Whether condition key can apply to syscall name. */
bool sc_key_applies(enum policy_key key, const char *name);
/* Whether a file syscall only reads (stat, readlink, execve...); open decides by its flags. */
bool sc_reads_only(const struct sc_info *si);

/* A rule's conditions that apply to name (bits of 1 << PK_*). */
unsigned rule_conds_for(const struct policy_rule *r, const char *name);
/* Whether r matches a call of name with inputs in. */
bool rule_matches(const struct policy_rule *r, const char *name, const struct policy_input *in);

/* Socket family names and condition values (parse_value.c). */
int policy_family_parse(const char *s);
const char *policy_family_name(int fam);
int policy_key_parse(const char *s);
const char *policy_key_name(enum policy_key k);
void cond_alloc(struct policy_cond *c, enum policy_key key, unsigned n);
/* Parses value i of a condition; -EINVAL with a message in msg. */
int cond_set_value(struct policy_cond *c, enum policy_key key, unsigned i, const char *v,
		   const struct policy_vars *vars, char *msg, size_t len);
void cond_free(struct policy_cond *c);

/* The per-ABI rule index of match.c. */
void policy_index_free(struct policy_index *ix);

/* All syscall names any ABI knows, sorted and unique (roles.c); *n gets the count. */
const char *const *policy_all_names(unsigned *n);

#endif
