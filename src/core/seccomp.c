/*
 * Which calls of a launched job stop at all.  When the trace is filtered by
 * syscall (-e trace=, -P, a policy), the command gets a seccomp-bpf filter
 * before its execve: the calls nobody asked for run at native speed, the
 * others trap (SECCOMP_RET_TRACE), and ptrc resumes a trapped call with
 * PTRACE_SYSCALL to see its exit, every other stop with PTRACE_CONT.  The
 * filter is inherited across fork, clone and execve by every task, which is
 * why it needs -f: a child that is not traced would get ENOSYS from every
 * trapped call (seccomp(2)), so without -f there is no filter.
 */
#include "seccomp.h"

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "policy/policy.h"
#include "sys/decode.h"
#include "sys/sysent.h"
#include "tracer.h"

/* A call -P can select: one with a path or a descriptor among its arguments. */
static bool has_path_or_fd(const struct sysent *e)
{
	for (unsigned i = 0; i < e->nargs; i++) {
		enum arg_kind k = e->args[i].kind;
		if (k == AK_PATH || k == AK_FD || k == AK_DIRFD)
			return true;
	}
	return false;
}

/* i386's socketcall and ipc carry calls the filter cannot see: trapped when one is wanted. */
static bool multiplexed_wanted(const struct tracer *t)
{
	const char *name;

	for (unsigned i = 0; (name = sys_multiplexed_name(i)); i++)
		if (sysfilter_match_name(t->trace, name))
			return true;
	return false;
}

static bool trace_wants(void *ctx, const struct ptrc_abi *abi, uint32_t nr, const char *name)
{
	struct tracer *t = ctx;
	const struct sysent *e = name ? sysent_by_name(name) : NULL;

	if (!e) /* a number no table names, or a call without a signature */
		return sysfilter_match(t->trace, abi, nr);
	/* An exec is always seen: the program's name, its ABI, what the unwinder caches. */
	if (e->traits & TR_EXEC)
		return true;
	if ((e->traits & TR_MAPS) && t->cfg->kflag)
		return true; /* -k's module list follows the memory map */
	if (e->traits & TR_CLONE)
		return true; /* CLONE_UNTRACED is taken out (syscall.c) */
	if (story_wants(t, e))
		return true; /* --summary-tree lists the files each process opened */
	if (e->traits & TR_MULTIPLEX)
		return sysfilter_match(t->trace, abi, nr) || multiplexed_wanted(t);
	if (!sysfilter_match(t->trace, abi, nr))
		return false;
	return !t->cfg->npaths || has_path_or_fd(e);
}

/* Whether the trace's selection leaves any call of any ABI out: else a filter is no gain. */
static bool leaves_some_out(struct tracer *t)
{
	for (unsigned id = 0; id < ABI_COUNT; id++) {
		const struct systab *tab = abi_by_id((enum abi_id)id)->systab;
		for (unsigned i = 0; i < tab->len; i++)
			if (!trace_wants(t, abi_by_id((enum abi_id)id), tab->entries[i].nr,
					 tab->entries[i].name))
				return true;
	}
	return false;
}

/* Why no filter can be used, or NULL when one can. */
static const char *why_not(struct tracer *t)
{
	const struct config *cfg = t->cfg;

	if (t->attach_mode)
		return "is not enabled for processes attached with -p";
	if (!cfg->follow)
		return "cannot be used without -f/--follow-forks, disabling";
	if (t->pol.learn)
		return "is not used with --learn, which sees every call";
	/* A program let go of at its exec would keep the filter, and no tracer: ENOSYS. */
	if (cfg->detach_on_exec)
		return "is not used with -b execve, which lets programs go";
	return NULL;
}

int seccomp_plan(struct tracer *t)
{
	const struct config *cfg = t->cfg;
	const char *why = why_not(t);
	struct policy_bpf_trap trap = {trace_wants, t};

	t->sc.on = false;
	if (cfg->seccomp_bpf == SECCOMP_BPF_NO)
		return 0;
	if (why) {
		if (cfg->seccomp_bpf == SECCOMP_BPF_YES)
			tracer_msg("--seccomp-bpf %s", why);
		return 0;
	}
	/* -c without -e trace= counts every call; a trace of every call gains nothing. */
	if ((cfg->cflag && !cfg->trace_given) || (!t->pol.policy && !leaves_some_out(t)))
		return 0;
	int rc = policy_bpf_compile_trap(t->pol.policy, &trap, &t->sc.bpf);
	if (rc < 0) {
		if (cfg->seccomp_bpf == SECCOMP_BPF_YES)
			tracer_msg("--seccomp-bpf: the filter is too large (%s); every call stops",
				   strerror(-rc));
		return 0; /* every call stops, as without a filter */
	}
	t->sc.on = true;
	return 0;
}

int seccomp_child(const struct tracer *t)
{
	struct sock_fprog prog = {
		.len = (unsigned short)t->sc.bpf.len,
		.filter = t->sc.bpf.insns,
	};

	if (!t->sc.on)
		return 0;
	/*
	 * A trace changes nothing else: with CAP_SYS_ADMIN (root) the filter goes
	 * in without no_new_privs, so a set-user-ID program the job runs works as
	 * untraced.  Without it, no_new_privs changes nothing a traced job could
	 * see: the kernel already ignores set-user-ID bits under an unprivileged
	 * tracer.  A policy always sets it: a policy must not be left by exec.
	 */
	if (!t->pol.policy && syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0)
		return 0;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		return -errno;
	return 0;
}

void seccomp_free(struct tracer *t)
{
	policy_bpf_free(&t->sc.bpf);
	t->sc.on = false;
}
