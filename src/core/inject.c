/*
 * -e inject= and -e fault= at work (the specs: cli/inject.h).  At the entry
 * of a call the trace selects (strace tampers only with those: -e trace=none
 * injects nothing), the last spec whose set names it counts the invocation
 * (per syscall and per thread, as strace does) and, when when= selects it, the call
 * is replaced by -1 (or by the :syscall= one) so that its exit can return
 * the error or value asked for, marked (INJECTED).  A signal is sent when
 * the call's exit stop is left (the kernel sends a syscall stop's resume
 * signal with SI_KERNEL, as strace's shows); a delay keeps the thread in its
 * stop that long while the others run on, marked (DELAYED).  poke_enter= and
 * poke_exit= write bytes where an argument points, before the entry's line is
 * decoded and before the exit's, so the line shows them, marked (INJECTED: args).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "../../arch/abi.h"
#include "../../arch/host.h"
#include "cli/inject.h"
#include "signals.h"
#include "sys/sysent.h"
#include "tracer.h"
#include "util/xalloc.h"

static bool spec_names(const struct inject_spec *s, const struct sc_event *ev)
{
	struct sysfilter *set = (struct sysfilter *)&s->set; /* builds its tables once */

	return ev->via ? sysfilter_match_name(set, ev->name)
		       : sysfilter_match(set, ev->abi, ev->nr);
}

/* The invocation count of the call, from 1; saturates as strace's when= range does. */
static unsigned count_call(struct task *task, const struct sc_event *ev)
{
	if (task->inject_abi != ev->abi || ev->nr >= task->inject_ncounts) {
		unsigned n = 0;
		for (unsigned i = 0; i < ev->abi->systab->len; i++)
			if (ev->abi->systab->entries[i].nr >= n)
				n = ev->abi->systab->entries[i].nr + 1;
		if (ev->nr >= n)
			return 0; /* a number past the table: never counted, never tampered */
		free(task->inject_counts);
		task->inject_counts = xcalloc(n, sizeof(*task->inject_counts));
		task->inject_ncounts = n;
		task->inject_abi = ev->abi;
	}
	uint16_t *c = &task->inject_counts[ev->nr];
	if (*c < INJECT_WHEN_MAX)
		(*c)++;
	return *c;
}

/* The number of a :syscall= name in the call's ABI, or -1 (the kernel's "no call"). */
static long substitute(const struct ptrc_abi *abi, const char *name)
{
	for (unsigned i = 0; name && i < abi->systab->len; i++)
		if (!strcmp(abi->systab->entries[i].name, name))
			return (long)abi->systab->entries[i].nr;
	return -1;
}

static void delay(struct tracer *t, struct task *task, uint64_t us)
{
	clock_gettime(CLOCK_MONOTONIC, &task->resume_at);
	uint64_t ns = (uint64_t)task->resume_at.tv_nsec + us * 1000;
	task->resume_at.tv_sec += (time_t)(ns / 1000000000);
	task->resume_at.tv_nsec = (long)(ns % 1000000000);
	task->flags |= TASK_DELAYED;
	task->ev.tampered |= SC_DELAYED;
	t->ndelayed++;
	sig_wake_within((long)(us * 1000 < 1000 ? 1000 : us * 1000));
}

/* 0 or -errno.  Read-only pages too (a string literal), as strace's pokes do. */
static int write_mem(pid_t tid, uint64_t addr, const void *buf, size_t len)
{
	struct iovec local = {(void *)buf, len};
	struct iovec remote = {(void *)(uintptr_t)addr, len};
	char path[32];

	if (process_vm_writev(tid, &local, 1, &remote, 1, 0) == (ssize_t)len)
		return 0;
	int err = errno ? errno : EFAULT; /* EFAULT, said rather than /proc's EIO */
	/* /proc/PID/mem writes with the tracer's force, past the page's protection. */
	snprintf(path, sizeof(path), "/proc/%d/mem", (int)tid);
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -err;
	bool ok = pwrite(fd, buf, len, (off_t)addr) == (ssize_t)len;
	close(fd);
	return ok ? 0 : -err;
}

/*
 * Writes the pokes of one stop; each is tried on its own, as strace does, and a
 * failed one is said and skipped.  Whether any was written.
 */
static bool poke(struct task *task, const struct inject_spec *s, int when)
{
	const struct sc_event *ev = &task->ev;
	unsigned nargs = ev->ent ? ev->ent->nargs : SC_MAX_ARGS;
	bool any = false;

	for (unsigned i = 0; i < s->npoke[when]; i++) {
		const struct inject_poke *p = &s->poke[when][i];
		if (p->arg > nargs) {
			tracer_msg("-e inject: cannot poke @arg%u of process %d: %s has %u "
				   "arguments",
				   p->arg, (int)task->tid, ev->name, nargs);
			continue;
		}
		uint64_t addr = ev->raw[p->arg - 1];
		if (ev->abi->word_size == 4)
			addr = (uint32_t)addr;
		int rc = write_mem(task->tid, addr, p->data, p->len);
		if (rc < 0)
			tracer_msg("-e inject: cannot poke @arg%u (0x%llx) of process %d: %s",
				   p->arg, (unsigned long long)addr, (int)task->tid, strerror(-rc));
		any |= rc == 0;
	}
	if (any)
		task->ev.tampered |= SC_POKED;
	return any;
}

bool inject_entry(struct tracer *t, struct task *task)
{
	struct sc_event *ev = &task->ev;
	const struct inject_spec *s = NULL;

	task->inject = NULL;
	/* Only a call the trace selects (-e trace=, -P), as strace tampers with. */
	if (!t->cfg->ninjects || !ev->ent || (task->flags & TASK_DENIED) ||
	    !(task->flags & TASK_SELECTED))
		return false;
	for (size_t i = t->cfg->ninjects; i-- > 0 && !s;)
		if (spec_names(&t->cfg->injects[i], ev))
			s = &t->cfg->injects[i];
	if (!s || !inject_when(s, count_call(task, ev)))
		return false;
	task->inject = s;
	if (s->error || s->has_retval || s->syscall)
		(void)host_set_syscall(task->tid, substitute(ev->abi, s->syscall));
	if (s->delay_enter_us)
		delay(t, task, s->delay_enter_us);
	return poke(task, s, INJECT_AT_ENTRY);
}

bool inject_exit(struct tracer *t, struct task *task)
{
	const struct inject_spec *s = task->inject;
	struct sc_event *ev = &task->ev;

	if (!s)
		return false;
	task->inject = NULL;
	task->inject_sig = s->signal;
	poke(task, s, INJECT_AT_EXIT);
	if (s->delay_exit_us)
		delay(t, task, s->delay_exit_us);
	if (!s->error && !s->has_retval)
		return false; /* the call's own result (or the :syscall= one's) */
	ev->ret = s->error ? -s->error : s->retval;
	ev->is_error = s->error != 0;
	ev->tampered |= SC_INJECTED;
	(void)host_set_return(task->tid, (long)ev->ret);
	return true;
}

static void resume_due(struct tracer *t, struct task *task, void *arg)
{
	struct timespec *now = arg;

	if (!(task->flags & TASK_DELAYED))
		return;
	if (task->resume_at.tv_sec > now->tv_sec ||
	    (task->resume_at.tv_sec == now->tv_sec && task->resume_at.tv_nsec > now->tv_nsec)) {
		long ns = (long)(task->resume_at.tv_sec - now->tv_sec) * 1000000000L +
			  (task->resume_at.tv_nsec - now->tv_nsec);
		sig_wake_within(ns);
		return;
	}
	task->flags &= ~TASK_DELAYED;
	t->ndelayed--;
	int sig = task->inject_sig;
	task->inject_sig = 0;
	task_resume(t, task, sig);
}

void inject_poll(struct tracer *t)
{
	struct timespec now;

	if (!t->ndelayed)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	task_for_each(t, resume_due, &now);
}

void inject_task_free(struct tracer *t, struct task *task)
{
	if (task->flags & TASK_DELAYED)
		t->ndelayed--;
	task->flags &= ~TASK_DELAYED;
	free(task->inject_counts);
	task->inject_counts = NULL;
}
