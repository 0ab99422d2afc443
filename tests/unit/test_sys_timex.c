/*
 * adjtimex(2) and clock_adjtime(2) against a fake tracee memory: x86_64's struct timex, and
 * i386's two (the 32-bit one, clock_adjtime64's 64-bit one) built byte by byte at the i386
 * offsets.  Expected lines are strace 6.1's.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <string.h>
#include <sys/timex.h>
#include <time.h>

#include "test_sys_harness.h"

TestSuite(sys_timex, .init = setup, .fini = teardown);

#define TAIL                                                                                       \
	"tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, "       \
	"stbcnt=0, tai=0}"

Test(sys_timex, x86_64_struct_and_state)
{
	static struct timex t;
	memset(&t, 0, sizeof(t));
	t.modes = ADJ_OFFSET_SS_READ | ADJ_STATUS;
	t.maxerror = t.esterror = 16000000;
	t.status = STA_UNSYNC | STA_NANO;
	t.constant = 2;
	t.time.tv_sec = 1796150858;
	t.time.tv_usec = -7;
	t.tick = 10000;
	map(0x1000, &t, sizeof(t));
	cr_expect_str_eq(
		RUN("adjtimex", TIME_ERROR, 0x1000),
		"adjtimex({modes=ADJ_OFFSET_SS_READ|ADJ_STATUS, offset=0, freq=0, "
		"maxerror=16000000, esterror=16000000, status=STA_UNSYNC|STA_NANO, constant=2, "
		"precision=0, tolerance=0, time={tv_sec=1796150858, "
		"tv_usec=18446744073709551609}, " TAIL ") = 5 (TIME_ERROR)");
	t.modes = 0x40;
	t.status = 0x10000;
	cr_expect_str_eq(
		RUN("clock_adjtime", TIME_OK, CLOCK_REALTIME, 0x1000),
		"clock_adjtime(CLOCK_REALTIME, {modes=0x40 /* ADJ_??? */, offset=0, freq=0, "
		"maxerror=16000000, esterror=16000000, status=0x10000 /* STA_??? */, "
		"constant=2, precision=0, tolerance=0, time={tv_sec=1796150858, "
		"tv_usec=18446744073709551609}, " TAIL ") = 0 (TIME_OK)");
	const char *line = RUN("adjtimex", 7, 0x1000);
	cr_expect(strstr(line, "}) = 7") && !strstr(line, "(TIME_"), "7 is no clock state: %s",
		  line);
	cr_expect_str_eq(RUN("adjtimex", -EPERM, 0x1000),
			 "adjtimex(0x1000) = -1 EPERM (Operation not permitted)");
	cr_expect_str_eq(RUN("adjtimex", -EFAULT, 0), "adjtimex(NULL) = -1 EFAULT (Bad address)");
	cr_expect_str_eq(RUN("clock_adjtime", 0, CLOCK_REALTIME, 0x1000 + sizeof(t) - 8),
			 "clock_adjtime(CLOCK_REALTIME, 0x10c8) = 0 (TIME_OK)");
	harness_xstyle = CONST_RAW;
	t.modes = ADJ_OFFSET_SS_READ;
	t.status = STA_PLL | STA_UNSYNC | STA_NANO;
	line = RUN("adjtimex", 5, 0x1000);
	cr_expect(strstr(line, "{modes=0xa001, ") && strstr(line, "status=0x2041, ") &&
			  strstr(line, ") = 5 (TIME_ERROR)"),
		  "%s", line);
}

static void put32(uint8_t *b, size_t off, uint32_t v)
{
	memcpy(b + off, &v, sizeof(v));
}

static void put64(uint8_t *b, size_t off, uint64_t v)
{
	memcpy(b + off, &v, sizeof(v));
}

/* i386: adjtimex's struct has 32-bit fields (tv_usec unsigned 32 bits); clock_adjtime64's is
 * the kernel's 64-bit one. */
Test(sys_timex, i386_layouts)
{
	static uint8_t t32[128], t64[208];
	harness_abi = ABI_I386;
	for (unsigned i = 1; i < 21; i++)
		put32(t32, 4 * i, (uint32_t) - (int32_t)(i + 1));
	put32(t32, 0, ADJ_OFFSET_SS_READ | ADJ_STATUS);
	put32(t32, 20, STA_PLL | STA_UNSYNC | STA_NANO);
	map(0x1000, t32, sizeof(t32));
	cr_expect_str_eq(
		RUN("adjtimex", 0, 0x1000),
		"adjtimex({modes=ADJ_OFFSET_SS_READ|ADJ_STATUS, offset=-2, freq=-3, maxerror=-4, "
		"esterror=-5, status=STA_PLL|STA_UNSYNC|STA_NANO, constant=-7, precision=-8, "
		"tolerance=-9, time={tv_sec=-10, tv_usec=4294967285}, tick=-12, ppsfreq=-13, "
		"jitter=-14, shift=-15, stabil=-16, jitcnt=-17, calcnt=-18, errcnt=-19, "
		"stbcnt=-20, "
		"tai=-21}) = 0 (TIME_OK)");
	put32(t64, 0, ADJ_NANO);
	put64(t64, 8, (uint64_t)-2);
	put32(t64, 40, STA_NANO);
	put64(t64, 72, 5);
	put64(t64, 80, (uint64_t)-11);
	put32(t64, 112, (uint32_t)-15);
	put32(t64, 160, 37);
	map(0x2000, t64, sizeof(t64));
	cr_expect_str_eq(RUN("clock_adjtime64", 0, CLOCK_REALTIME, 0x2000),
			 "clock_adjtime64(CLOCK_REALTIME, {modes=ADJ_NANO, offset=-2, freq=0, "
			 "maxerror=0, esterror=0, status=STA_NANO, constant=0, precision=0, "
			 "tolerance=0, time={tv_sec=5, tv_usec=18446744073709551605}, tick=0, "
			 "ppsfreq=0, jitter=0, shift=-15, stabil=0, jitcnt=0, calcnt=0, errcnt=0, "
			 "stbcnt=0, tai=37}) = 0 (TIME_OK)");
	/* 128 bytes are readable, not clock_adjtime64's 208: the address. */
	cr_expect_str_eq(RUN("clock_adjtime64", 0, CLOCK_REALTIME, 0x1000),
			 "clock_adjtime64(CLOCK_REALTIME, 0x1000) = 0 (TIME_OK)");
}
