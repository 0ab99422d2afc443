/*
 * i386's ioctl numbers of the requests whose number holds the size of a long, a pointer or a
 * struct that i386 lays out its own way: ptrc's tables (flags_ioctl_args.c, arch/i386/ioctl*.c)
 * against a -m32 build of the same headers (testprogs/ioc32_nums.c), and the lines they give.
 * Every expected line is one strace 6.1 printed for the same call on fd -1.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/rtc.h>
#include <linux/videodev2.h>
#include <stdio.h>
#include <string.h>

#include "../../arch/layout.h"
#include "../../src/sys/decoders.h"
#include "../../src/sys/flags.h"
#include "../../src/sys/ioctl_sized.h"
#include "test_sys_harness.h"

TestSuite(ioctl32, .init = setup, .fini = teardown);

#define EBADF_TXT " = -1 EBADF (Bad file descriptor)"

static const struct ioctl_abi_reqs *const *i386_sets(void)
{
	return abi_by_id(ABI_I386)->layouts->ioctl_reqs;
}

/* The i386 tables' entry named name: its number, and how many entries have that name. */
static unsigned i386_number(const char *name, uint32_t *num)
{
	const struct xlat *tabs[8] = {&xl_ioctl_ilp32_reqs};
	unsigned ntabs = 1, found = 0;

	for (const struct ioctl_abi_reqs *const *s = i386_sets(); *s; s++)
		tabs[ntabs++] = (*s)->names;
	for (unsigned t = 0; t < ntabs; t++)
		for (unsigned i = 0; i < tabs[t]->n; i++)
			if (strcmp(tabs[t]->ents[i].name, name) == 0) {
				*num = (uint32_t)tabs[t]->ents[i].val;
				found++;
			}
	return found;
}

static unsigned i386_entries(void)
{
	unsigned n = xl_ioctl_ilp32_reqs.n;

	for (const struct ioctl_abi_reqs *const *s = i386_sets(); *s; s++)
		n += (*s)->names->n;
	return n;
}

/* Each number is the -m32 build's, and every entry of the tables is one the build printed. */
Test(ioctl32, numbers_are_a_m32_builds)
{
#ifndef PTRC_IOC32_NUMS
	cr_skip_test("no -m32 toolchain: testprogs/ioc32_nums not built");
#else
	FILE *f = popen(PTRC_IOC32_NUMS, "r");
	char name[64];
	unsigned num, lines = 0;

	cr_assert_not_null(f);
	while (fscanf(f, "%63s %x", name, &num) == 2) {
		uint32_t ours = 0;

		cr_expect_eq(i386_number(name, &ours), 1, "%s: not once in the i386 tables", name);
		cr_expect_eq(ours, num, "%s: %#x, a -m32 build has %#x", name, ours, num);
		lines++;
	}
	cr_expect_eq(pclose(f), 0);
	cr_expect_eq(lines, i386_entries(), "%u numbers printed, %u in the tables", lines,
		     i386_entries());
#endif
}

/* Each struct request of i386 is the 64-bit request of its name, whose number is another. */
Test(ioctl32, struct_requests_are_64_bit_ones)
{
	for (const struct ioctl_abi_reqs *const *s = i386_sets(); *s; s++)
		for (unsigned i = 0; i < (*s)->n; i++) {
			const struct ioctl_remap *r = &(*s)->remap[i];
			const char *name = xlat_name((*s)->names, r->num);
			const struct xlat *tab = ioctl_req_table(r->lp64);
			const struct xlat *x86_tab = ioctl_req_table(r->num);
			const char *x86 = x86_tab ? xlat_name(x86_tab, r->num) : NULL;

			cr_assert_not_null(name, "%#x", r->num);
			cr_assert_not_null(tab, "%s: no 64-bit request", name);
			cr_expect_str_eq(xlat_name(tab, r->lp64), name);
			cr_expect_neq(_IOC_SIZE(r->num), _IOC_SIZE(r->lp64), "%s", name);
			cr_expect_null(xlat_name(&xl_ioctl_ilp32_reqs, r->num), "%s", name);
			/* a number x86_64 names is a request only a 64-bit program issues */
			cr_expect(!x86 || strstr(x86, "_TIME32"), "%s is x86_64's %s", name, x86);
		}
}

Test(ioctl32, struct_requests_on_i386)
{
	harness_abi = ABI_I386;
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0x801c7011, 0),
			 "ioctl(-1, RTC_PLL_GET, NULL)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0x801c7011, 0x8),
			 "ioctl(-1, RTC_PLL_GET, 0x8)" EBADF_TXT);
	/* strace decodes the struct; ptrc knows no i386 layout of it, so shows its address */
	static const int32_t pll[7] = {1, 2, 3, 4, 5, 6, 7};
	map(0x1000, pll, sizeof(pll));
	cr_expect_str_eq(RUN("ioctl", 0, -1, 0x801c7011, 0x1000),
			 "ioctl(-1, RTC_PLL_GET, 0x1000) = 0");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0xc00c4d04, 0xdeadbeef),
			 "ioctl(-1, MEMREADOOB, 0xdeadbeef)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0xc0401273, 0),
			 "ioctl(-1, BLKTRACESETUP, NULL)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0x402c4580, 0),
			 "ioctl(-1, EVIOCSFF, NULL)" EBADF_TXT);
	/* 32-bit and 64-bit time: both named, the kernel's _TIME32 one's argument in hex */
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0xc0445609, 0),
			 "ioctl(-1, VIDIOC_QUERYBUF_TIME32, 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0xc04c5609, 0),
			 "ioctl(-1, VIDIOC_QUERYBUF, NULL)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0x80785659, 0),
			 "ioctl(-1, VIDIOC_DQEVENT_TIME32, 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0x80805659, 0),
			 "ioctl(-1, VIDIOC_DQEVENT, 0)" EBADF_TXT);
	/* x86_64's numbers are no i386 request */
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, RTC_PLL_GET, 0),
			 "ioctl(-1, _IOC(_IOC_READ, 0x70, 0x11, 0x20), 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, VIDIOC_QUERYBUF, 0),
			 "ioctl(-1, _IOC(_IOC_READ|_IOC_WRITE, 0x56, 0x9, 0x58), 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, VIDIOC_QUERYBUF_TIME32, 0),
			 "ioctl(-1, _IOC(_IOC_READ|_IOC_WRITE, 0x56, 0x9, 0x50), 0)" EBADF_TXT);
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0x801c7011, 0),
			 "ioctl(-1, 0x801c7011, NULL)" EBADF_TXT);
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0xc0445609, 0),
			 "ioctl(-1, 0xc0445609 /* VIDIOC_QUERYBUF_TIME32 */, 0)" EBADF_TXT);
	harness_xstyle = CONST_ABBREV;
	harness_abi = ABI_X86_64;
}

/* Without libdrm's <drm.h> no DRM request is named on any ABI. */
Test(ioctl32, drm_requests_on_i386)
{
	if (!xl_ioctl_drm_reqs.n)
		cr_skip_test("built without <drm.h>");
	harness_abi = ABI_I386;
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0xc0246400, 0),
			 "ioctl(-1, DRM_IOCTL_VERSION, 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0xc0186416, 0xdeadbeef),
			 "ioctl(-1, DRM_IOCTL_ADD_BUFS, 0xdeadbeef)" EBADF_TXT);
	harness_abi = ABI_X86_64;
}

/* The kernel's _TIME32 requests of a 64-bit ABI; an i386 number there is x86_64's _IOC(). */
Test(ioctl32, time32_requests_on_x86_64)
{
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0xc0505609, 0),
			 "ioctl(-1, VIDIOC_QUERYBUF_TIME32, 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0x80805659, 0xdeadbeef),
			 "ioctl(-1, VIDIOC_DQEVENT_TIME32, 0xdeadbeef)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, 0xc0445609, 0),
			 "ioctl(-1, _IOC(_IOC_READ|_IOC_WRITE, 0x56, 0x9, 0x44), 0)" EBADF_TXT);
}
