/*
 * libdw: the module list of a process (reported from /proc/PID/maps once per
 * map generation) and, for the libdw backend, the stack walk of one stopped
 * thread with dwfl_linux_proc_attach(..., assume_ptrace_stopped = true).
 */
#include <dwarf.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../../arch/abi.h"
#include "internal.h"

static char *debuginfo_path;

static const Dwfl_Callbacks proc_callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
	.debuginfo_path = &debuginfo_path,
};

/*
 * DWARF's number for the stack pointer of the process's ABI, from the ELF
 * header of its executable; -1 when the ABI is not one ptrc knows.
 */
static int sp_regno_of(pid_t pid)
{
	char path[64];
	unsigned char
		ehdr[EI_NIDENT + 4]; /* e_ident, e_type, e_machine: the same in both classes */
	uint16_t machine;
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/exe", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, ehdr, sizeof(ehdr));
	close(fd);
	if (n != (ssize_t)sizeof(ehdr))
		return -1;
	memcpy(&machine, ehdr + EI_NIDENT + 2, sizeof(machine));
	const struct ptrc_abi *abi = abi_by_elf(machine, ehdr[EI_CLASS]);
	return abi ? abi->dwarf_sp : -1;
}

void uw_dwfl_drop(struct unwind_proc *up)
{
	if (up->dwfl)
		dwfl_end(up->dwfl);
	up->dwfl = NULL;
	up->attached = false;
	up->reported_gen = 0;
}

int uw_dwfl_refresh(struct unwind_proc *up)
{
	int ret;

	/* The caller's own module list (uw_proc_offline): there is no process to read again. */
	if (up->offline) {
		up->reported_gen = up->gen;
		return up->dwfl ? 0 : -ENOENT;
	}
	if (!up->dwfl) {
		up->dwfl = dwfl_begin(&proc_callbacks);
		if (!up->dwfl)
			return -ENOMEM;
		up->sp_regno = sp_regno_of(up->pid);
	}
	symcache_flush(&up->cache);
	dwfl_report_begin(up->dwfl);
	ret = dwfl_linux_proc_report(up->dwfl, up->pid);
	if (dwfl_report_end(up->dwfl, NULL, NULL) != 0 && ret == 0)
		ret = -1;
	if (ret != 0) {
		/* An errno, or -1 for a libdwfl error; the process is most likely gone. */
		ret = ret > 0 ? -ret : -ESRCH;
		uw_dwfl_drop(up);
		return ret;
	}
	up->reported_gen = up->gen;
	if (up->backend == UNWIND_LIBDW && !up->attached)
		up->attached = dwfl_linux_proc_attach(up->dwfl, up->pid, true) == 0;
	return 0;
}

struct frame_ctx {
	struct uw_walk *w;
	int sp_regno;
};

static int frame_cb(Dwfl_Frame *state, void *arg)
{
	struct frame_ctx *fc = arg;
	Dwarf_Addr pc;
	bool activation = false;
	Dwarf_Word sp = 0;

	if (!dwfl_frame_pc(state, &pc, &activation)) {
		fc->w->stop = UNWIND_STOP_ERROR;
		fc->w->msg = dwfl_errmsg(-1);
		return DWARF_CB_ABORT;
	}
	/* No stack pointer (an ABI ptrc does not know): the walk goes on without it. */
	if (fc->sp_regno < 0 || dwfl_frame_reg(state, (unsigned)fc->sp_regno, &sp) != 0)
		sp = 0;
	return uw_walk_push(fc->w, pc, sp, activation) ? DWARF_CB_OK : DWARF_CB_ABORT;
}

int uw_dwfl_walk(struct unwind_proc *up, pid_t tid, struct uw_walk *w)
{
	struct frame_ctx fc = {.w = w, .sp_regno = up->sp_regno};
	int ret;

	if (!up->attached) {
		w->stop = UNWIND_STOP_ERROR;
		w->msg = "cannot attach libdw to the process";
		return -ESRCH;
	}
	ret = dwfl_getthread_frames(up->dwfl, tid, frame_cb, &fc);
	if (ret == 0 || ret == DWARF_CB_ABORT)
		return 0;
	/* An error after some frames only cuts the walk. */
	if (w->stop == UNWIND_STOP_END) {
		w->stop = UNWIND_STOP_ERROR;
		w->msg = dwfl_errmsg(-1);
	}
	return w->n ? 0 : -ESRCH;
}
