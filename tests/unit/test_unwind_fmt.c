/* -k frame lines and demangling: frames in, text out. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "unwind/fmt_frames.h"
#include "unwind/unwind.h"

static char *format(const struct unwind_frame *f, size_t n, enum unwind_stop stop,
		    const struct fmt_frames_opts *o)
{
	struct unwind_trace t = {.frames = (struct unwind_frame *)f,
				 .n = n,
				 .stop = stop,
				 .stop_msg = "stack truncated: more than 256 frames"};
	struct strbuf sb = {0};

	fmt_frames(&sb, &t, o);
	return sb.buf;
}

static const struct unwind_frame job[] = {
	{.pc = 0x7f0000f8350,
	 .rel = 0xf8350,
	 .module = "/usr/lib/x86_64-linux-gnu/libc.so.6",
	 .func = "__write",
	 .func_off = 0x10,
	 .flags = UNWIND_FRAME_HAS_OFF | UNWIND_FRAME_ACTIVATION},
	{.pc = 0x555555555169,
	 .rel = 0x1169,
	 .module = "/tmp/job",
	 .func = "emit",
	 .func_off = 0x1c,
	 .file = "/src/job.c",
	 .line = 5,
	 .flags = UNWIND_FRAME_HAS_OFF},
	{.pc = 0x555555555190,
	 .rel = 0x1190,
	 .module = "/tmp/job",
	 .func = "report",
	 .func_off = 0x12,
	 .file = "/src/job.c",
	 .line = 9,
	 .inlined_into = "run_epochs",
	 .flags = UNWIND_FRAME_HAS_OFF | UNWIND_FRAME_INLINED},
	{.pc = 0x555555555234, .rel = 0x1234, .module = "/tmp/job"},
	{.pc = 0x7f1234567890},
};

Test(fmt_frames, strace_layout_with_source_lines)
{
	char *text = format(job, 5, UNWIND_STOP_END, NULL);

	cr_expect_str_eq(text,
			 " > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]\n"
			 " > /tmp/job(emit+0x1c) [0x1169] job.c:5\n"
			 " > /tmp/job(report+0x12) [0x1190] job.c:9 (inlined into run_epochs)\n"
			 " > /tmp/job() [0x1234]\n"
			 " > ?() [0x7f1234567890]\n");
	free(text);
}

Test(fmt_frames, options_and_cut_walks)
{
	struct fmt_frames_opts o = {.no_source = true, .lead = "  # "};
	char *text = format(job + 1, 1, UNWIND_STOP_DEPTH, &o);

	cr_expect_str_eq(text, "  # /tmp/job(emit+0x1c) [0x1169]\n"
			       "  # (stack truncated: more than 256 frames)\n");
	free(text);
	o = (struct fmt_frames_opts){.full_path = true};
	text = format(job + 1, 1, UNWIND_STOP_END, &o);
	cr_expect_str_eq(text, " > /tmp/job(emit+0x1c) [0x1169] /src/job.c:5\n");
	free(text);
}

Test(fmt_frames, collapses_recursion)
{
	struct unwind_frame f[4];
	struct fmt_frames_opts o = {.collapse = true};

	for (int i = 0; i < 4; i++)
		f[i] = job[1];
	f[0].pc = 0x1;
	char *text = format(f, 4, UNWIND_STOP_END, &o);
	cr_expect_str_eq(text, " > /tmp/job(emit+0x1c) [0x1169] job.c:5\n"
			       " > /tmp/job(emit+0x1c) [0x1169] job.c:5\n"
			       " > (the frame above repeats 2 more times)\n");
	free(text);
}

Test(fmt_frames, names_from_the_files_are_escaped)
{
	/* A module path, an ELF symbol and DWARF names hold whatever bytes the files have. */
	struct unwind_frame f = {.rel = 0x10,
				 .module = "/tmp/a\nb",
				 .func = "gr\xc3\xbc\xc3\x9f\x65\x1b[31m",
				 .file = "/src/C:\\x.c",
				 .line = 3,
				 .inlined_into = "out\x7f",
				 .flags = UNWIND_FRAME_INLINED};
	struct fmt_frames_opts o = {.full_path = true};
	char *text = format(&f, 1, UNWIND_STOP_END, &o);

	cr_expect_str_eq(text, " > /tmp/a\\x0ab(gr\\xc3\\xbc\\xc3\\x9fe\\x1b[31m) [0x10] "
			       "/src/C:\\\\x.c:3 (inlined into out\\x7f)\n");
	free(text);
}

Test(demangle, cxx_and_rust)
{
	char *s = unwind_demangle("_ZN6shapes4packERNS_3BoxIiEEi");

	cr_expect_str_eq(s, "shapes::pack(shapes::Box<int>&, int)");
	free(s);
	s = unwind_demangle("_ZN4core9panicking5panic17h0123456789abcdefE");
	cr_expect_str_eq(s, "core::panicking::panic");
	free(s);
	cr_expect_null(unwind_demangle("main"));
	cr_expect_null(unwind_demangle("_Znotvalid!"));
	cr_expect_null(unwind_demangle(NULL));
}
