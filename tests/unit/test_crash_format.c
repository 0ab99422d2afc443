/* Disassembly on fake memory, the pure analysis, and the report text. */
#include <criterion/criterion.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "crash/crash.h"
#include "out/fmt_text.h"
#include "arch/abi.h"
#include "arch/regs.h"

/* store(int *p) { *p = 42; } at -O0, at 0x401000. */
static const unsigned char code[] = {
	0x55,				 /* push rbp */
	0x48, 0x89, 0xe5,		 /* mov rbp, rsp */
	0x48, 0x89, 0x7d, 0xf8,		 /* mov qword ptr [rbp - 8], rdi */
	0x48, 0x8b, 0x45, 0xf8,		 /* mov rax, qword ptr [rbp - 8] */
	0xc7, 0x00, 0x2a, 0,	0,    0, /* mov dword ptr [rax], 0x2a   <- pc */
	0x90,				 /* nop */
	0x5d,				 /* pop rbp */
	0xc3,				 /* ret */
	0x90, 0x90, 0x90, 0x90, 0x90,	 /* padding */
};
enum { BASE = 0x401000, PC = BASE + 12 };

static struct tmem mem;
static struct tmem_fake fake;
static const struct tmem_region regions[] = {{BASE, code, sizeof(code)}};

static void setup(void)
{
	tmem_fake_init(&fake, &mem, regions, 1);
}

TestSuite(disasm, .init = setup);

Test(disasm, from_the_function_start)
{
	struct arena ar = {0};
	struct crash_disasm d;

	cr_assert_eq(crash_disasm(&mem, abi_by_id(ABI_X86_64), PC, BASE, 6, 3, &ar, &d), 0);
	cr_assert_eq(d.n, 4 + 1 + 3);
	cr_expect_str_eq(d.insns[0].text, "push rbp");
	cr_expect_str_eq(d.insns[4].text, "mov dword ptr [rax], 0x2a");
	cr_expect(d.insns[4].is_pc);
	cr_expect(!d.insns[3].is_pc);
	cr_expect_str_eq(d.insns[7].text, "ret");
	cr_expect_eq(d.access, FAULT_ACCESS_WRITE);
	arena_free(&ar);
}

Test(disasm, without_a_function_start)
{
	struct arena ar = {0};
	struct crash_disasm d;

	cr_assert_eq(crash_disasm(&mem, abi_by_id(ABI_X86_64), PC, 0, 2, 1, &ar, &d), 0);
	cr_assert_eq(d.n, 4);
	cr_expect_str_eq(d.insns[1].text, "mov rax, qword ptr [rbp - 8]");
	cr_expect_str_eq(d.insns[3].text, "nop");
	cr_expect(d.insns[2].is_pc);
	cr_expect_eq(d.insns[2].addr, PC);
	arena_free(&ar);
}

Test(disasm, read_and_unreadable)
{
	struct arena ar = {0};
	struct crash_disasm d;

	cr_assert_eq(crash_disasm(&mem, abi_by_id(ABI_X86_64), BASE + 8, BASE, 0, 1, &ar, &d), 0);
	cr_expect_eq(d.access, FAULT_ACCESS_READ);
	cr_expect_eq(crash_disasm(&mem, abi_by_id(ABI_X86_64), 0x10, 0, 2, 2, &ar, &d), -EFAULT);
	arena_free(&ar);
}

static const char maps_text[] =
	"00400000-00401000 r--p 00000000 fe:00 42                         /tmp/store\n"
	"00401000-00402000 r-xp 00001000 fe:00 42                         /tmp/store\n"
	"7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                  [stack]\n";

Test(report, analyze_and_format)
{
	struct arena ar = {0};
	struct crash_report r = {.pid = 10,
				 .tid = 11,
				 .cmdline = "/tmp/store a",
				 .signo = SIGSEGV,
				 .code = SEGV_MAPERR,
				 .has_addr = true,
				 .addr = 0};
	uint64_t regs[64] = {0};
	struct unwind_frame f = {.pc = PC,
				 .rel = 0x100c,
				 .module = "/tmp/store",
				 .func = "store",
				 .func_off = 12,
				 .file = "/src/store.c",
				 .line = 3,
				 .flags = UNWIND_FRAME_HAS_OFF | UNWIND_FRAME_ACTIVATION};
	struct sc_event last = {.name = "getpid", .exited = true, .ret = 10};
	struct strbuf sb = {0};

	setup();
	regs[0] = PC;
	regs[1] = 0x7fffffffe000;
	r.abi = abi_by_id(ABI_X86_64);
	r.layout = r.abi->regs;
	r.regs = regs;
	r.pc = PC;
	r.sp = regs[1];
	r.trace = (struct unwind_trace){.frames = &f, .n = 1};
	val_int(&last.retv, 10);
	r.last = &last;
	r.nlast = 1;
	cr_assert_eq(crash_analyze(&r, maps_text, &mem, &ar), 0);
	cr_expect_eq(r.cls, FAULT_NULL_PAGE);
	cr_expect_eq(r.func_start, BASE);
	crash_format(&sb, &r, &(struct text_opts){0});
	const char *t = sb.buf;
	cr_expect(strstr(t, "=== ptrc crash report: pid 10, tid 11: /tmp/store a ===\n"), "%s", t);
	cr_expect(strstr(t, "signal: SIGSEGV (SEGV_MAPERR: address not mapped to object), "
			    "fault address 0x0\n"));
	cr_expect(strstr(t, "address: 0x0 is in the NULL page: a NULL pointer dereference\n"));
	cr_expect(strstr(t, "  rip      0x000000000040100c  rsp      0x00007fffffffe000"));
	cr_expect(strstr(t, "=> 0x40100c <store+12>:\tmov dword ptr [rax], 0x2a\n"), "%s", t);
	cr_expect(strstr(t, "   0x401000 <store+0>:\tpush rbp\n"));
	cr_expect(strstr(t, "backtrace:\n > /tmp/store(store+0xc) [0x100c] store.c:3\n"));
	cr_expect(strstr(t, "last syscalls of tid 11 (oldest first):\n  getpid() = 10\n"));
	cr_expect(strstr(t, "memory map:\n  pc                 00401000-00402000 r-xp"), "%s", t);
	cr_expect(strstr(t, "  sp                 7ffffffde000-"));
	cr_expect(strstr(t, "=== end of crash report ===\n"));
	strbuf_free(&sb);
	arena_free(&ar);
}

Test(report, unmapped_names_the_neighbours)
{
	struct arena ar = {0};
	struct crash_report r = {
		.signo = SIGSEGV, .code = SEGV_MAPERR, .has_addr = true, .addr = 0x500000};

	cr_assert_eq(crash_analyze(&r, maps_text, &mem, &ar), 0);
	cr_expect_eq(r.cls, FAULT_UNMAPPED);
	cr_expect_str_eq(r.fault_text,
			 "0x500000 is not mapped; 0xfe000 bytes past the end of 401000-402000 "
			 "r-x /tmp/store; 0x7fffffade000 bytes before 7ffffffde000-7ffffffff000 "
			 "rw- [stack]");
	cr_expect_eq(r.nmaps, 2);
	arena_free(&ar);
}

/* The command line, the function, the source and the map lines are the tracee's: escaped. */
Test(report, tracee_strings_are_escaped)
{
	struct unwind_frame f = {.pc = PC, .file = "/src/\x1b[2Jx.c", .line = 7};
	struct crash_mapref map = {.why = "pc", .line = "00401000-00402000 r-xp 0 0:0 0 /tmp/\x07"};
	struct crash_report r = {.pid = 1,
				 .tid = 1,
				 .cmdline = "evil \x1b]0;owned\x07",
				 .signo = SIGSEGV,
				 .code = SEGV_MAPERR,
				 .trace = {.frames = &f, .n = 1},
				 .src_frame = &f,
				 .src_text = "x = \x1b[31m;",
				 .maps = &map,
				 .nmaps = 1};
	struct strbuf sb = {0};

	crash_format(&sb, &r, &(struct text_opts){0});
	for (size_t i = 0; i < sb.len; i++)
		cr_assert(sb.buf[i] == '\n' || sb.buf[i] == '\t' ||
				  (sb.buf[i] >= 0x20 && sb.buf[i] < 0x7f),
			  "a raw byte 0x%02x at %zu:\n%s", (unsigned char)sb.buf[i], i, sb.buf);
	cr_expect(strstr(sb.buf, "evil \\x1b]0;owned\\x07 ==="), "%s", sb.buf);
	cr_expect(strstr(sb.buf, "source: /src/\\x1b[2Jx.c:7"), "%s", sb.buf);
	cr_expect(strstr(sb.buf, "| x = \\x1b[31m;"), "%s", sb.buf);
	cr_expect(strstr(sb.buf, "/tmp/\\x07\n"), "%s", sb.buf);
	strbuf_free(&sb);
}
