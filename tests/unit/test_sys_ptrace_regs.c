/*
 * The register sets ptrace copies (src/sys/dec_ptrace_regs.c, arch/regset.h) against a fake
 * tracee memory.  The lines are strace 6.1's for the same calls: checked on real tracees
 * with testprogs/tp_ptrace_regs.c, x86_64 and -m32, plain, -v, -s 5, -X raw and -X verbose.
 */
#include <criterion/criterion.h>
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>

#include "../../arch/regs.h"
#include "test_sys_harness.h"

TestSuite(sys_ptrace_regs, .init = setup, .fini = teardown);

/* Every set is its fields end to end, and NT_PRSTATUS's is the crash layout's size. */
Test(sys_ptrace_regs, each_set_is_its_fields)
{
	static const enum abi_id ids[] = {ABI_X86_64, ABI_I386};
	static const struct reg_layout *crash[] = {&reg_layout_x86_64, &reg_layout_i386};

	for (unsigned a = 0; a < 2; a++) {
		const struct ptrc_abi *abi = abi_by_id(ids[a]);
		for (unsigned k = 0; k < REGSET_KINDS; k++) {
			const struct regset *rs = abi->regsets[k];
			cr_assert(rs, "%s has its set %u", abi->name, k);
			unsigned bytes = 0;
			for (unsigned i = 0; i < rs->nfields; i++)
				bytes += rs->fields[i].size * rs->fields[i].count;
			cr_expect_eq(bytes, rs->size, "%s set %u", abi->name, k);
			cr_expect_eq(rs->word, abi->word_size);
		}
		cr_expect_eq(abi->regsets[REGSET_PRSTATUS]->size, crash[a]->regset_size);
	}
	cr_expect_null(abi_by_id(ABI_AARCH64)->regsets[REGSET_PRSTATUS],
		       "not known for aarch64: an address, never x86's answer");
}

static uint64_t words64[27];
static uint32_t words32[17];

static void fill_words(void)
{
	for (unsigned i = 0; i < 27; i++)
		words64[i] = i % 3 ? 0x1000 + i : 0;
	for (unsigned i = 0; i < 17; i++)
		words32[i] = i % 3 ? 0x100 + i : 0;
}

#define PRSTATUS_X86_64                                                                            \
	"r15=0, r14=0x1001, r13=0x1002, r12=0, rbp=0x1004, rbx=0x1005, r11=0, r10=0x1007, "        \
	"r9=0x1008, r8=0, rax=0x100a, rcx=0x100b, rdx=0, rsi=0x100d, rdi=0x100e, orig_rax=0, "     \
	"rip=0x1010, cs=0x1011, eflags=0, rsp=0x1013, ss=0x1014, fs_base=0, gs_base=0x1016, "      \
	"ds=0x1017, es=0, fs=0x1019, gs=0x101a"

#if defined(__x86_64__)
/* x86's own requests print pid and data alone. */
Test(sys_ptrace_regs, getregs_and_setregs)
{
	fill_words();
	map(0x10000, words64, sizeof(words64));
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_GETREGS, 42, 0, 0x10000),
			 "ptrace(PTRACE_GETREGS, 42, {" PRSTATUS_X86_64 "}) = 0");
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_SETREGS, 42, 0x99, 0x10000),
			 "ptrace(PTRACE_SETREGS, 42, {" PRSTATUS_X86_64 "}) = 0");
	/* A GET that failed wrote nothing; a set one byte short of whole is its address. */
	cr_expect_str_eq(RUN("ptrace", -ESRCH, PTRACE_GETREGS, 42, 0, 0x10000),
			 "ptrace(PTRACE_GETREGS, 42, 0x10000) = -1 ESRCH (No such process)");
	cr_expect_str_eq(RUN("ptrace", -EFAULT, PTRACE_SETREGS, 42, 0, 0x10008),
			 "ptrace(PTRACE_SETREGS, 42, 0x10008) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("ptrace", -EFAULT, PTRACE_SETFPREGS, 42, 0, 0),
			 "ptrace(PTRACE_SETFPREGS, 42, NULL) = -1 EFAULT (Bad address)");
}
#endif

/* GETREGSET shows the set at exit in the length the kernel wrote back; SETREGSET at entry. */
Test(sys_ptrace_regs, regset_lengths)
{
	uint64_t io[2] = {0x10000, 216}, shorter[2] = {0x10000, 16}, odd[2] = {0x10000, 20},
		 longer[2] = {0x10000, 600}, none[2] = {0x10000, 0};

	fill_words();
	map(0x10000, words64, sizeof(words64));
	map(0x20000, io, sizeof(io));
	map(0x21000, shorter, sizeof(shorter));
	map(0x22000, odd, sizeof(odd));
	map(0x23000, longer, sizeof(longer));
	map(0x24000, none, sizeof(none));
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_GETREGSET, 42, NT_PRSTATUS, 0x20000),
			 "ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {iov_base={" PRSTATUS_X86_64
			 "}, iov_len=216}) = 0");
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_GETREGSET, 42, NT_PRSTATUS, 0x21000),
			 "ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {iov_base={r15=0, r14=0x1001}, "
			 "iov_len=16}) = 0");
	cr_expect_str_eq(
		RUN("ptrace", -EINVAL, PTRACE_SETREGSET, 42, NT_PRSTATUS, 0x22000),
		"ptrace(PTRACE_SETREGSET, 42, NT_PRSTATUS, {iov_base=0x10000, iov_len=20}) "
		"= -1 EINVAL (Invalid argument)");
	cr_expect_str_eq(RUN("ptrace", -ESRCH, PTRACE_SETREGSET, 42, NT_PRSTATUS, 0x23000),
			 "ptrace(PTRACE_SETREGSET, 42, NT_PRSTATUS, {iov_base={" PRSTATUS_X86_64
			 ", ...}, iov_len=600}) = -1 ESRCH (No such process)");
	cr_expect_str_eq(
		RUN("ptrace", 0, PTRACE_GETREGSET, 42, NT_PRSTATUS, 0x24000),
		"ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {iov_base=0x10000, iov_len=0}) = "
		"0");
	cr_expect_str_eq(RUN("ptrace", -ESRCH, PTRACE_GETREGSET, 42, NT_PRSTATUS, 0x20000),
			 "ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {iov_base=0x10000, "
			 "iov_len=216}) = -1 ESRCH (No such process)");
	/* A note ptrc has no set for, and a base that cannot be read, show the address. */
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_SETREGSET, 42, NT_PRPSINFO, 0x20000),
			 "ptrace(PTRACE_SETREGSET, 42, NT_PRPSINFO, {iov_base=0x10000, "
			 "iov_len=216}) = 0");
	io[0] = 0x8;
	cr_expect_str_eq(RUN("ptrace", -EFAULT, PTRACE_SETREGSET, 42, NT_PRSTATUS, 0x20000),
			 "ptrace(PTRACE_SETREGSET, 42, NT_PRSTATUS, {iov_base=0x8, iov_len=216}) = "
			 "-1 EFAULT (Bad address)");
}

/* The arrays of the floating-point set: the items inside the length, -s of them. */
Test(sys_ptrace_regs, fpregs_arrays)
{
	static uint8_t fp[512];
	uint64_t io[2] = {0x10000, 40};

	memset(fp, 0, sizeof(fp));
	fp[0] = 0x7f;
	fp[1] = 0x03;
	memcpy(fp + 32, "\x11\x00\x00\x00\x22\x00\x00\x00", 8);
	map(0x10000, fp, sizeof(fp));
	map(0x20000, io, sizeof(io));
	cr_expect_str_eq(
		RUN("ptrace", 0, PTRACE_GETREGSET, 42, NT_PRFPREG, 0x20000),
		"ptrace(PTRACE_GETREGSET, 42, NT_FPREGSET, {iov_base={cwd=0x37f, swd=0, "
		"ftw=0, fop=0, rip=0, rdp=0, mxcsr=0, mxcr_mask=0, st_space=[0x11, 0x22]}, "
		"iov_len=40}) = 0");
	opts.strsize = 1;
	io[1] = 48;
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_SETREGSET, 42, NT_PRFPREG, 0x20000),
			 "ptrace(PTRACE_SETREGSET, 42, NT_FPREGSET, {iov_base={cwd=0x37f, swd=0, "
			 "ftw=0, fop=0, rip=0, rdp=0, mxcsr=0, mxcr_mask=0, st_space=[0x11, ...]}, "
			 "iov_len=48}) = 0");
	opts.verbose = true;
	cr_expect_str_eq(
		RUN("ptrace", 0, PTRACE_SETREGSET, 42, NT_PRFPREG, 0x20000),
		"ptrace(PTRACE_SETREGSET, 42, NT_FPREGSET, {iov_base={cwd=0x37f, swd=0, "
		"ftw=0, fop=0, rip=0, rdp=0, mxcsr=0, mxcr_mask=0, st_space=[0x11, 0x22, 0, "
		"0]}, iov_len=48}) = 0");
}

/* An i386 tracee's sets: 32-bit words, its own field names, a 4-byte length is whole. */
Test(sys_ptrace_regs, i386_sets)
{
	uint32_t io[2] = {0x10000, 68}, one[2] = {0x10000, 4}, fpio[2] = {0x30000, 40};
	static uint32_t fp[27];

	harness_abi = ABI_I386;
	fill_words();
	for (unsigned i = 0; i < 27; i++)
		fp[i] = i < 7 ? 0xffff0000 + i : i - 6;
	map(0x10000, words32, sizeof(words32));
	map(0x20000, io, sizeof(io));
	map(0x21000, one, sizeof(one));
	map(0x30000, fp, sizeof(fp));
	map(0x31000, fpio, sizeof(fpio));
	cr_expect_str_eq(
		RUN("ptrace", 0, PTRACE_GETREGSET, 42, NT_PRSTATUS, 0x20000),
		"ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {iov_base={ebx=0, ecx=0x101, "
		"edx=0x102, esi=0, edi=0x104, ebp=0x105, eax=0, xds=0x107, xes=0x108, xfs=0, "
		"xgs=0x10a, orig_eax=0x10b, eip=0, xcs=0x10d, eflags=0x10e, esp=0, "
		"xss=0x110}, iov_len=68}) = 0");
	cr_expect_str_eq(
		RUN("ptrace", 0, PTRACE_GETREGSET, 42, NT_PRSTATUS, 0x21000),
		"ptrace(PTRACE_GETREGSET, 42, NT_PRSTATUS, {iov_base={ebx=0}, iov_len=4}) = "
		"0");
	cr_expect_str_eq(
		RUN("ptrace", 0, PTRACE_GETREGSET, 42, NT_PRFPREG, 0x31000),
		"ptrace(PTRACE_GETREGSET, 42, NT_FPREGSET, {iov_base={cwd=0xffff0000, "
		"swd=0xffff0001, twd=0xffff0002, fip=0xffff0003, fcs=0xffff0004, "
		"foo=0xffff0005, fos=0xffff0006, st_space=[0x1, 0x2, 0x3]}, iov_len=40}) = "
		"0");
#if defined(__x86_64__)
	cr_expect_str_eq(
		RUN("ptrace", 0, PTRACE_SETREGS, 42, 0, 0x10000),
		"ptrace(PTRACE_SETREGS, 42, {ebx=0, ecx=0x101, edx=0x102, esi=0, edi=0x104, "
		"ebp=0x105, eax=0, xds=0x107, xes=0x108, xfs=0, xgs=0x10a, orig_eax=0x10b, "
		"eip=0, xcs=0x10d, eflags=0x10e, esp=0, xss=0x110}) = 0");
#endif
}

#if defined(__x86_64__)
#include <stddef.h>
#include <sys/reg.h>
#include <sys/user.h>

/* PEEKUSER's offsets in x86_64's struct user, named as strace 6.1 names them. */
Test(sys_ptrace_regs, peekuser_offsets)
{
	uint64_t word = 0x1234;
	char line[160];

	map(0x10000, &word, sizeof(word));
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_PEEKUSER, 42, 8 * RAX, 0x10000),
			 "ptrace(PTRACE_PEEKUSER, 42, 8*RAX, [0x1234]) = 0");
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_PEEKUSER, 42, 0, 0x10000),
			 "ptrace(PTRACE_PEEKUSER, 42, 8*R15, [0x1234]) = 0");
	/* strace names no register past SS: GS is 8*SS+48. */
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_PEEKUSER, 42, 8 * GS, 0x10000),
			 "ptrace(PTRACE_PEEKUSER, 42, 8*SS+48, [0x1234]) = 0");
	cr_expect_str_eq(
		RUN("ptrace", 0, PTRACE_POKEUSER, 42, offsetof(struct user, u_debugreg) + 56, 0),
		"ptrace(PTRACE_POKEUSER, 42, offsetof(struct user, u_debugreg)+56, NULL) = 0");
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_PEEKUSER, 42, sizeof(struct user), 0x10000),
			 "ptrace(PTRACE_PEEKUSER, 42, sizeof(struct user), [0x1234]) = 0");
	snprintf(line, sizeof(line), "ptrace(PTRACE_PEEKUSER, 42, %#zx, 0x10000) = -1 EIO (%s)",
		 sizeof(struct user) + 8, "Input/output error");
	cr_expect_str_eq(RUN("ptrace", -EIO, PTRACE_PEEKUSER, 42, sizeof(struct user) + 8, 0x10000),
			 line);
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_POKEUSER, 42, 8 * RAX, 0),
			 "ptrace(0x6, 42, 0x50, NULL) = 0");
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_POKEUSER, 42, 0, 0),
			 "ptrace(0x6, 42, NULL, NULL) = 0");
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_POKEUSER, 42, 8 * RAX + 3, 0),
			 "ptrace(0x6 /* PTRACE_POKEUSER */, 42, 0x53 /* 8*RAX+3 */, NULL) = 0");
	/* i386's struct user is not known: the offset is an address, never x86_64's name. */
	harness_abi = ABI_I386;
	harness_xstyle = CONST_ABBREV;
	cr_expect_str_eq(RUN("ptrace", 0, PTRACE_POKEUSER, 42, 24, 0),
			 "ptrace(PTRACE_POKEUSER, 42, 0x18, NULL) = 0");
}
#endif
