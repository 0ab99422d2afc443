/* The live part of a crash report: /proc, the unwinder and source files. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "crash.h"
#include "arch/abi.h"
#include "arch/regs.h"
#include "sigcode.h"
#include "util/readfile.h"
#include "util/xalloc.h"

enum { PROC_FILE_MAX = 4 << 20, SRC_LINE_MAX = 512 };

static char *read_proc(pid_t pid, pid_t tid, const char *what, size_t *len)
{
	char path[64];

	if (tid)
		snprintf(path, sizeof(path), "/proc/%d/task/%d/%s", (int)pid, (int)tid, what);
	else
		snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, what);
	return readfile(path, PROC_FILE_MAX, len);
}

int crash_should_report(pid_t tid, const siginfo_t *si, bool handled_too)
{
	uint64_t caught, ignored, blocked;
	size_t len;
	char *status;
	int ret;

	if (!crash_is_crash_signal(si->si_signo))
		return 0;
	if (handled_too)
		return 1;
	status = read_proc(tid, 0, "status", &len);
	if (!status)
		return -ESRCH;
	ret = crash_parse_sigmasks(status, &caught, &ignored, &blocked);
	free(status);
	if (ret < 0)
		return ret;
	return crash_is_fatal(si->si_signo, si->si_code, caught, ignored, blocked);
}

static const char *cmdline_of(pid_t pid, struct arena *ar)
{
	char *raw = read_cmdline(pid, PROC_FILE_MAX);
	const char *out = raw ? arena_strndup(ar, raw, strlen(raw)) : NULL;

	free(raw);
	return out;
}

static int parse_regs(struct crash_report *r, const struct crash_input *in, struct arena *ar)
{
	const struct ptrc_abi *abi = in->regset ? abi_by_regset_size(in->regset_len) : NULL;

	if (!in->regset)
		return -ESRCH;
	if (!abi)
		return -ENOTSUP;
	const struct reg_layout *l = abi->regs;
	r->regs = arena_alloc(ar, l->nregs * sizeof(*r->regs));
	if (regs_parse(l, in->regset, in->regset_len, r->regs) < 0)
		return -EINVAL;
	r->abi = abi;
	r->layout = l;
	r->pc = r->regs[l->pc];
	r->sp = r->regs[l->sp];
	return 0;
}

/* Line `line` of a file, without its newline, or NULL. */
static const char *source_line(const char *path, unsigned line, struct arena *ar)
{
	FILE *f = fopen(path, "re");
	char buf[SRC_LINE_MAX];
	const char *out = NULL;
	unsigned n = 0;

	if (!f)
		return NULL;
	while (fgets(buf, sizeof(buf), f)) {
		size_t len = strlen(buf);
		bool whole = len && buf[len - 1] == '\n';
		if (++n == line) {
			out = arena_strndup(ar, buf, whole ? len - 1 : len);
			break;
		}
		/* A line longer than the buffer: skip the rest of it. */
		while (!whole && fgets(buf, sizeof(buf), f)) {
			len = strlen(buf);
			whole = len && buf[len - 1] == '\n';
		}
	}
	fclose(f);
	return out;
}

static void find_source(struct crash_report *r, struct arena *ar)
{
	for (size_t i = 0; i < r->trace.n; i++) {
		const struct unwind_frame *f = &r->trace.frames[i];
		if (!f->file || !f->line)
			continue;
		r->src_text = source_line(f->file, f->line, ar);
		if (r->src_text) {
			r->src_frame = f;
			return;
		}
	}
}

int crash_collect(const struct crash_input *in, struct arena *ar, struct crash_report *out)
{
	size_t len;
	char *maps;
	int ret;

	memset(out, 0, sizeof(*out));
	out->pid = in->pid;
	out->tid = in->tid;
	out->signo = in->si.si_signo;
	out->code = in->si.si_code;
	out->has_addr = crash_has_addr(out->signo, out->code);
	out->addr = (uint64_t)(uintptr_t)in->si.si_addr;
	out->last = in->last;
	out->nlast = in->nlast;
	out->last_partial = in->last_partial;
	out->cmdline = cmdline_of(in->pid, ar);
	parse_regs(out, in, ar); /* a report without registers still says the rest */
	out->unwind_err = -ENOENT;
	if (in->unwinder)
		out->unwind_err = unwind_walk(in->unwinder, in->tid, in->uopts, ar, &out->trace);
	maps = read_proc(in->pid, 0, "maps", &len);
	if (!maps)
		return -ESRCH;
	ret = crash_analyze(out, maps, in->mem, ar);
	free(maps);
	find_source(out, ar);
	return ret;
}
