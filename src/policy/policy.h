/*
 * Syscall policies (docs/policy.md): a parser with file:line:col errors, a
 * matcher, learning, an OCI seccomp profile export and a seccomp-bpf
 * compiler.  Pure: nothing here calls ptrace or prints; tracee memory is
 * read only through struct tmem.
 */
#ifndef PTRC_POLICY_POLICY_H
#define PTRC_POLICY_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../arch/abi.h"
#include "../mem/tmem.h"
#include "../util/arena.h"
#include "../util/strbuf.h"

enum policy_action {
	POLICY_ALLOW,
	POLICY_DENY,
};

/* Condition keys; a rule holds at most one of each. */
enum policy_key {
	PK_PATH,   /* path=GLOB,...: every path argument matches one glob */
	PK_EXEC,   /* exec=GLOB,...: the program execve runs */
	PK_ACCESS, /* access=read|write: opens by their flags; other file calls by name */
	PK_FAMILY, /* family=unix,inet,...: socket domain, or the address's family */
	PK_ADDR,   /* addr=CIDR|/unix/glob|@abstract|none: a connect/bind/send destination */
	PK_PORT,   /* port=N|N-M,...: the destination port */
	PK_EXE,	   /* exe=GLOB,...: the calling program */
	PK_COUNT,
};

enum { POLICY_ACCESS_READ = 1, POLICY_ACCESS_WRITE = 2 };

struct policy_net {
	int family; /* AF_INET, AF_INET6, AF_UNIX, or AF_UNSPEC for "none" */
	uint8_t addr[16];
	unsigned prefix; /* bits of addr that must match */
	char *glob;	 /* AF_UNIX: path glob; abstract names start with '@' */
};

struct policy_ports {
	uint16_t lo, hi;
};

struct policy_cond {
	unsigned n; /* values; 0 when the rule has no such condition */
	unsigned col;
	char **globs;		    /* PATH, EXEC, EXE */
	int *ints;		    /* FAMILY: AF_*; ACCESS: POLICY_ACCESS_* */
	struct policy_net *nets;    /* ADDR */
	struct policy_ports *ports; /* PORT */
};

struct policy_rule {
	enum policy_action action;
	unsigned line;
	char *text;   /* the rule as written, trimmed */
	char **names; /* syscall names, groups expanded; sorted, unique */
	unsigned nnames;
	bool uring_named; /* io_uring_setup is named, not only in a group (io_uring's rule) */
	struct policy_cond cond[PK_COUNT];
};

struct policy_index;

struct policy {
	char *file;
	enum policy_action dflt; /* for syscalls no rule matches; deny unless "default allow" */
	struct policy_rule *rules;
	unsigned nrules;
	/*
	 * io_uring runs reads, writes, opens and connects that no syscall stop shows: under a
	 * policy with path or network conditions, its set-up is denied unless a rule names
	 * io_uring_setup.  uring_named: that rule's line; uring_dropped: the first rule whose
	 * group it was taken out of; a "default allow" policy gets a deny rule of line 0.
	 */
	unsigned uring_named, uring_dropped;
	struct policy_index *idx[ABI_COUNT]; /* rules by syscall number, built on first use */
};

/* What ${CWD}, ${HOME} and ${TMPDIR} stand for in a glob: absolute paths, or NULL. */
struct policy_vars {
	const char *cwd, *home, *tmpdir;
	const char *path; /* $PATH, for learning: lookups in its directories; or NULL */
};

/*
 * Parses policy text; file names it in messages.  Returns 0 with *out set,
 * or -EINVAL with every error as "file:line:col: message", one per line (as
 * many as err holds), or another -errno.  Without vars, a ${NAME} is an error.
 */
int policy_parse_vars(const char *file, const char *text, size_t len,
		      const struct policy_vars *vars, struct policy **out, char *err,
		      size_t errlen);
int policy_parse(const char *file, const char *text, size_t len, struct policy **out, char *err,
		 size_t errlen);
/* Reads and parses a file; -errno from reading it gets "file: strerror" in err. */
int policy_load(const char *path, const struct policy_vars *vars, struct policy **out, char *err,
		size_t errlen);
void policy_free(struct policy *p);

/* --- What the matcher looks at (input.c) --- */

struct policy_sockaddr {
	int family; /* AF_INET, AF_INET6, AF_UNIX, other AF_*; AF_UNSPEC when none was given */
	uint8_t addr[16];
	uint16_t port;
	const char *path; /* AF_UNIX: the path, "@name" when abstract, "" unnamed */
};

struct policy_input {
	const char *path[2];	/* path arguments, absolute and folded; NULL when unreadable */
	const char *written[2]; /* the same, as the call wrote them */
	int dirfd[2];		/* what a relative path[i] is relative to: AT_FDCWD or a fd */
	unsigned npaths;
	/* The call follows a symlink in the last component (opens without O_NOFOLLOW or
	 * O_CREAT|O_EXCL, execs); other calls' last components are judged as named. */
	bool follow;
	/* Every path argument is "": the call acts on its descriptor (AT_EMPTY_PATH, glibc's
	 * fstat as newfstatat(fd, "", ...)), so path= and access= do not apply, as to fstat. */
	bool fd_only;
	int access;   /* POLICY_ACCESS_* of a file syscall, 0 for others */
	int family;   /* socket()'s domain, -1 when not known */
	bool has_sa;  /* sa holds the destination (connect/bind/sendto/sendmsg) */
	bool sa_read; /* false when the destination could not be read */
	struct policy_sockaddr sa;
	const char *exe; /* the calling program, or NULL when unknown */
};

struct sysent;

/*
 * Fills in from a syscall's logical arguments (sc_event.raw), reading paths
 * and socket addresses from the tracee through mem; strings go to ar.  ent is
 * the call's signature, whose argument kinds say which arguments matter.
 * in->exe is left for the caller.
 */
void policy_input_read(struct policy_input *in, const struct ptrc_abi *abi,
		       const struct sysent *ent, const uint64_t raw[6], const struct tmem *mem,
		       struct arena *ar);
/* Whether path[i] is relative, so the caller must resolve it against dirfd[i]. */
bool policy_input_relative(const struct policy_input *in, unsigned i);
/* Makes path[i] absolute: base (the cwd or the dirfd's path) joined, "." and ".." folded. */
void policy_input_resolve(struct policy_input *in, unsigned i, const char *base, struct arena *ar);
/* Parses a struct sockaddr of len bytes. */
void policy_sockaddr_parse(struct policy_sockaddr *sa, const void *buf, size_t len,
			   struct arena *ar);

/* --- Matching (match.c) --- */

struct policy_verdict {
	enum policy_action action;
	const struct policy_rule *rule; /* the rule that decided, NULL for the default */
	/* Set by the caller that resolved the paths: where one led that its name does not
	 * say (a symlink, /proc/self/root), or NULL. */
	const char *leads_to;
};

/* The verdict for syscall nr of abi; numbers no table names get the default. */
void policy_check(struct policy *p, const struct ptrc_abi *abi, uint64_t nr,
		  const struct policy_input *in, struct policy_verdict *out);
void policy_check_name(const struct policy *p, const char *name, const struct policy_input *in,
		       struct policy_verdict *out);

/* What a syscall's verdict depends on, before looking at its arguments. */
enum policy_static {
	POLICY_S_ALLOW,	 /* allowed whatever its arguments */
	POLICY_S_DENY,	 /* denied whatever its arguments */
	POLICY_S_CHECK,	 /* the arguments or the caller decide */
	POLICY_S_FAMILY, /* allowed when argument 0 is one of fams, else CHECK */
};

struct policy_fams {
	int fam[16];
	unsigned n;
};

enum policy_static policy_static_verdict(const struct policy *p, const char *name,
					 struct policy_fams *fams);
/* True when policy_check() needs in filled (policy_input_read) for this call. */
bool policy_needs_input(struct policy *p, const struct ptrc_abi *abi, uint64_t nr);

/* i386's socketcall(2) and ipc(2): judged by the call they carry, so they always trap. */
bool policy_is_multiplexer(const char *name);

/* Glob matching: '*' and '?' stop at '/', '**' crosses it, [a-z], [!x], '\' escapes. */
bool policy_glob_match(const char *pat, const char *s);

/* --- Groups (groups.c) --- */

struct policy_group {
	const char *name; /* "@basic-io" */
	const char *desc;
	const char *const *members; /* NULL-terminated syscall names */
};

const struct policy_group *policy_group_find(const char *name);
/* The table, ending with a NULL name. */
const struct policy_group *policy_groups(void);

/* --- Learning (learn.c) --- */

struct policy_learn;

struct policy_learn *policy_learn_new(void);
/* Records one call; in may be NULL for a call whose arguments do not matter. */
void policy_learn_add(struct policy_learn *l, const char *name, const struct policy_input *in);
/*
 * Writes a policy that allows what was recorded; comment goes in its header.
 * With vars, paths under them are written as ${CWD}, ${HOME}, ${TMPDIR}, and
 * stat/access of a program in a $PATH directory as one lookup rule.
 */
void policy_learn_write(const struct policy_learn *l, struct strbuf *out, const char *comment,
			const struct policy_vars *vars);
void policy_learn_free(struct policy_learn *l);
/*
 * The union of an existing policy and a learned one: old as it is, then the
 * learned allow rules it does not have, under a comment.  Returns how many.
 */
unsigned policy_learn_merge(const char *old, const char *learned, struct strbuf *out);

/* --- Export (oci.c) --- */

/* An OCI runtime-spec / Docker seccomp profile (JSON) of what seccomp can express. */
void policy_oci_export(const struct policy *p, struct strbuf *out);

/* --- seccomp-bpf (bpf.c) --- */

/* SECCOMP_RET_TRACE data (PTRACE_GETEVENTMSG at the seccomp stop): why it trapped. */
enum policy_bpf_reason {
	POLICY_BPF_CHECK = 1, /* the arguments or the caller decide */
	POLICY_BPF_DENY = 2,  /* denied whatever the arguments */
	POLICY_BPF_ARCH = 3,  /* an ABI the filter does not know (or x32) */
	POLICY_BPF_TRACE = 4, /* allowed, but the trace wants to see it */
};

struct sock_filter;

struct policy_bpf {
	struct sock_filter *insns; /* malloc'd */
	unsigned len;
};

/*
 * Compiles the policy for every ABI ptrc knows: SECCOMP_RET_ALLOW for
 * syscalls allowed whatever their arguments (and socket families), and
 * SECCOMP_RET_TRACE | reason for the rest.  0, or -E2BIG when the program
 * would exceed BPF_MAXINSNS.
 */
int policy_bpf_compile(const struct policy *p, struct policy_bpf *out);

/*
 * Calls to stop at whatever the policy says: want() is asked once for every
 * number of every ABI up to the end of its table, with the call's name, or
 * NULL for a number no table names.
 */
struct policy_bpf_trap {
	bool (*want)(void *ctx, const struct ptrc_abi *abi, uint32_t nr, const char *name);
	void *ctx;
};

/* The same, with the calls trap wants trapped (POLICY_BPF_TRACE); p may be NULL. */
int policy_bpf_compile_trap(const struct policy *p, const struct policy_bpf_trap *trap,
			    struct policy_bpf *out);
void policy_bpf_free(struct policy_bpf *b);

#endif
