/* The fast walk's step (src/unwind/fastwalk.c): cached rules on a recorded stack in fake memory. */
#include <criterion/criterion.h>
#include <string.h>

#include "mem/tmem.h"
#include "unwind/internal.h"

enum { RAX = 0, RBX = 3, RBP = 6, RSP = 7, RIP = 16, NREGS64 = 17 };
enum { EBP32 = 5, ESP32 = 4, EIP32 = 8, NREGS32 = 9 };

/* A frame-pointer function's body: CFA = rbp + 16, rip at CFA - 8, rbp at CFA - 16. */
static struct fw_row fp_row(void)
{
	struct fw_row row = {.state = FW_SIMPLE, .cfa_reg = RBP, .cfa_off = 16, .ra = RIP};

	for (unsigned i = 0; i < NREGS64; i++)
		row.rule[i].kind = FW_SAME;
	row.rule[RIP] = (struct fw_rule){.kind = FW_AT_CFA, .off = -8};
	row.rule[RBP] = (struct fw_rule){.kind = FW_AT_CFA, .off = -16};
	row.rule[RSP] = (struct fw_rule){.kind = FW_VAL_CFA, .off = 0};
	return row;
}

static struct fw_regs regs64(uint64_t rsp, uint64_t rbp)
{
	struct fw_regs r = {.n = NREGS64, .mask = ~(uint64_t)0, .valid = (1u << NREGS64) - 1};

	for (unsigned i = 0; i < NREGS64; i++)
		r.v[i] = 0x1000 + i;
	r.v[RSP] = rsp;
	r.v[RBP] = rbp;
	return r;
}

/* The stack at 0x7ff0: a frame whose rbp is 0x8000 (saved rbp 0x8040, return 0x401234). */
static const uint64_t stack64[] = {0, 0, 0, 0, 0, 0, 0, 0,	0,
				   0, 0, 0, 0, 0, 0, 0, 0x8040, 0x401234};

static struct tmem mem64(struct tmem_fake *f, struct tmem_region *reg)
{
	struct tmem m;

	*reg = (struct tmem_region){.addr = 0x7f80, .data = stack64, .len = sizeof(stack64)};
	tmem_fake_init(f, &m, reg, 1);
	return m;
}

Test(unwind_fast, frame_pointer_step)
{
	struct fw_row row = fp_row();
	struct fw_regs r = regs64(0x7fe0, 0x8000);
	struct tmem_fake f;
	struct tmem_region reg;
	struct tmem m = mem64(&f, &reg);
	uint64_t pc = 0;

	cr_assert_eq(fw_step(&row, &r, &m, 8, &pc), FW_NEXT);
	cr_assert_eq(pc, 0x401234);
	cr_assert_eq(r.v[RIP], 0x401234);
	cr_assert_eq(r.v[RSP], 0x8010, "rsp = CFA: %#lx", (unsigned long)r.v[RSP]);
	cr_assert_eq(r.v[RBP], 0x8040);
	cr_assert_eq(r.v[RBX], 0x1000 + RBX, "a callee-saved register keeps its value");
	cr_assert_eq(r.valid, (1u << NREGS64) - 1);
}

Test(unwind_fast, undefined_or_zero_return_address_ends)
{
	struct fw_row row = fp_row();
	struct fw_regs r = regs64(0x7fe0, 0x8000);
	struct tmem_fake f;
	struct tmem_region reg;
	struct tmem m = mem64(&f, &reg);
	uint64_t pc = 0;

	row.rule[RIP].kind = FW_UNDEF;
	cr_assert_eq(fw_step(&row, &r, &m, 8, &pc), FW_END);
	/* The return address read as 0: libdw's end of the stack too. */
	row = fp_row();
	row.rule[RIP].off = -32;
	cr_assert_eq(fw_step(&row, &r, &m, 8, &pc), FW_END);
}

Test(unwind_fast, what_libdw_would_do_otherwise_fails)
{
	struct fw_row row = fp_row();
	struct fw_regs r = regs64(0x7fe0, 0x9000);
	struct tmem_fake f;
	struct tmem_region reg;
	struct tmem m = mem64(&f, &reg);
	uint64_t pc = 0;

	cr_assert_eq(fw_step(&row, &r, &m, 8, &pc), FW_FAIL, "unreadable memory");
	r = regs64(0x7fe0, 0x8000);
	r.valid &= ~(1u << RBP);
	cr_assert_eq(fw_step(&row, &r, &m, 8, &pc), FW_FAIL, "no CFA register");
	r = regs64(0x7fe0, 0x8000);
	row.rule[RIP] = (struct fw_rule){.kind = FW_SAME};
	r.valid &= ~(1u << RIP);
	cr_assert_eq(fw_step(&row, &r, &m, 8, &pc), FW_FAIL, "a return address without a value");
}

Test(unwind_fast, unset_registers_stay_unset)
{
	struct fw_row row = fp_row();
	struct fw_regs r = regs64(0x7fe0, 0x8000);
	struct tmem_fake f;
	struct tmem_region reg;
	struct tmem m = mem64(&f, &reg);
	uint64_t pc = 0;

	row.rule[RAX].kind = FW_UNDEF;
	row.rule[RBX] = (struct fw_rule){.kind = FW_REG, .reg = 2, .off = 4};
	r.valid &= ~(1u << 12);
	cr_assert_eq(fw_step(&row, &r, &m, 8, &pc), FW_NEXT);
	cr_assert_not(r.valid & 1u << RAX);
	cr_assert_not(r.valid & 1u << 12, "same value of a register without one");
	cr_assert_eq(r.v[RBX], 0x1002 + 4);
}

/* i386: 32-bit words, and values wrap as libdw masks them. */
Test(unwind_fast, i386_words_and_masks)
{
	static const uint32_t stack[] = {0, 0, 0, 0x8900, 0x5655a000, 0x9010};
	struct tmem_region reg = {.addr = 0x8ff8, .data = stack, .len = sizeof(stack)};
	struct fw_row row = {.state = FW_SIMPLE, .cfa_reg = ESP32, .cfa_off = 20, .ra = EIP32};
	struct fw_regs r = {.n = NREGS32, .mask = 0xffffffffu, .valid = (1u << NREGS32) - 1};
	struct tmem_fake f;
	struct tmem m;
	uint64_t pc = 0;

	tmem_fake_init(&f, &m, &reg, 1);
	r.v[0] = 0xfffffff0;
	r.v[ESP32] = 0x8ff8;
	r.v[EBP32] = 0x9000;
	row.rule[EIP32] = (struct fw_rule){.kind = FW_AT_CFA, .off = -4};
	row.rule[EBP32] = (struct fw_rule){.kind = FW_AT_REG, .reg = EBP32, .off = 4};
	row.rule[ESP32] = (struct fw_rule){.kind = FW_VAL_CFA, .off = 0};
	row.rule[3] = (struct fw_rule){.kind = FW_REG, .reg = 0, .off = 0x20};
	cr_assert_eq(fw_step(&row, &r, &m, 4, &pc), FW_NEXT);
	cr_assert_eq(pc, 0x5655a000, "%#lx", (unsigned long)pc);
	cr_assert_eq(r.v[EBP32], 0x8900, "ebp at *(ebp + 4)");
	cr_assert_eq(r.v[ESP32], 0x900c);
	cr_assert_eq(r.v[3], 0x10, "wrapped to 32 bits: %#lx", (unsigned long)r.v[3]);
	/* A CFA read from memory: libdw 0.188 reads 8 bytes for it, so the walk is libdw's. */
	row.cfa_deref = 1;
	r.v[ESP32] = 0x8ff8;
	cr_assert_eq(fw_step(&row, &r, &m, 4, &pc), FW_FAIL);
}
