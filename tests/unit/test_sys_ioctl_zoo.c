/*
 * The ioctl zoo on fake memory: request names of many drivers, how strace 6.1 shows their
 * arguments (none, a number, a constant, an address), and the decoders of dec_ioctl_*.c
 * with NULL, an unmapped address, a short read and a valid buffer.  Every expected line is
 * one strace 6.1 printed for the same call (fd -1 or injected results, tp_ioctl_zoo).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/hdreg.h>
#include <linux/kvm.h>
#include <linux/nsfs.h>
#include <linux/perf_event.h>
#include <linux/rtc.h>
#include <linux/videodev2.h>
#include <linux/watchdog.h>
#include <mtd/mtd-abi.h>
#include <mtd/ubi-user.h>
#include <scsi/sg.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "test_sys_harness.h"

TestSuite(sys_ioctl_zoo, .init = setup, .fini = teardown);

#define EBADF_TXT " = -1 EBADF (Bad file descriptor)"

Test(sys_ioctl_zoo, block_numbers_at_exit)
{
	static const uint64_t size64 = 0x123456789aULL;
	static const uint16_t sect = 255;
	static const int64_t ra = -5;
	static const int ssz = 512;
	map(0x6000, &ssz, sizeof(ssz));
	map(0x1000, &size64, sizeof(size64));
	map(0x2000, &sect, sizeof(sect));
	map(0x3000, &ra, sizeof(ra));
	map(0x4ffc, &size64, 4); /* 4 of the 8 bytes: a short read */
	cr_expect_str_eq(RUN("ioctl", 0, -1, BLKGETSIZE64, 0x1000),
			 "ioctl(-1, BLKGETSIZE64, [78187493530]) = 0");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, BLKGETSIZE64, 0x1000),
			 "ioctl(-1, BLKGETSIZE64, 0x1000)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", 0, -1, BLKGETSIZE64, 0), "ioctl(-1, BLKGETSIZE64, NULL) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, BLKGETSIZE64, 0x9000),
			 "ioctl(-1, BLKGETSIZE64, 0x9000) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, BLKGETSIZE64, 0x4ffc),
			 "ioctl(-1, BLKGETSIZE64, 0x4ffc) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, BLKSECTGET, 0x2000),
			 "ioctl(-1, BLKSECTGET, [255]) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, BLKRAGET, 0x3000), "ioctl(-1, BLKRAGET, [-5]) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, BLKSSZGET, 0x6000), "ioctl(-1, BLKSSZGET, [512]) = 0");
	/* An int where only a short is mapped: the address. */
	cr_expect_str_eq(RUN("ioctl", 0, -1, BLKSSZGET, 0x2000),
			 "ioctl(-1, BLKSSZGET, 0x2000) = 0");
}

Test(sys_ioctl_zoo, block_arguments_at_entry)
{
	static const uint64_t range[2] = {4096, 8192};
	static const int one = 512;
	map(0x1000, range, sizeof(range));
	map(0x2000, &one, sizeof(one));
	map(0x3ff8, range, 8);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, BLKDISCARD, 0x1000),
			 "ioctl(-1, BLKDISCARD, [4096, 8192])" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, BLKZEROOUT, 0x3ff8),
			 "ioctl(-1, BLKZEROOUT, 0x3ff8)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, BLKROSET, 0x2000),
			 "ioctl(-1, BLKROSET, [512])" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, BLKRASET, 0xdeadbeef),
			 "ioctl(-1, BLKRASET, 3735928559)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, BLKFLSBUF, 0), "ioctl(-1, BLKFLSBUF)" EBADF_TXT);
}

/* struct hd_geometry: start is an unsigned long, at offset 8 on x86_64 and 4 on i386. */
Test(sys_ioctl_zoo, hdio_geometry_at_each_abis_offsets)
{
	static const uint8_t lp64[16] = {16, 63, 0x00, 0x04, 0, 0, 0, 0, 0x00, 0x08};
	static const uint8_t ilp32[8] = {16, 63, 0x00, 0x04, 0x00, 0x08};
	map(0x1000, lp64, sizeof(lp64));
	map(0x2000, ilp32, sizeof(ilp32));
	cr_expect_str_eq(RUN("ioctl", 0, -1, HDIO_GETGEO, 0x1000),
			 "ioctl(-1, HDIO_GETGEO, {heads=16, sectors=63, cylinders=1024, "
			 "start=2048}) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, HDIO_GETGEO, 0x2000),
			 "ioctl(-1, HDIO_GETGEO, 0x2000) = 0");
	harness_abi = ABI_I386;
	cr_expect_str_eq(RUN("ioctl", 0, -1, HDIO_GETGEO, 0x2000),
			 "ioctl(-1, HDIO_GETGEO, {heads=16, sectors=63, cylinders=1024, "
			 "start=2048}) = 0");
	harness_abi = ABI_X86_64;
}

/* strace 6.1 decodes HDIO's requests on x86_64, and only HDIO_GETGEO and HDIO_DRIVE_CMD on
 * i386: the others' arguments are numbers there. */
Test(sys_ioctl_zoo, hdio_arguments_by_abi)
{
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, HDIO_GET_IDENTITY, 0),
			 "ioctl(-1, HDIO_GET_IDENTITY, NULL)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, HDIO_SET_BUSSTATE, BUSSTATE_TRISTATE),
			 "ioctl(-1, HDIO_SET_BUSSTATE, BUSSTATE_TRISTATE)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, HDIO_SET_BUSSTATE, 0xdeadbeef),
			 "ioctl(-1, HDIO_SET_BUSSTATE, 0xdeadbeef /* BUSSTATE_??? */)" EBADF_TXT);
	cr_expect_str_eq(
		RUN("ioctl", -EBADF, -1, HDIO_SET_NICE, 0xdeadbeef),
		"ioctl(-1, HDIO_SET_NICE, 1 << IDE_NICE_DSC_OVERLAP|1 << "
		"IDE_NICE_ATAPI_OVERLAP|1 << IDE_NICE_1|1 << IDE_NICE_0|0xdeadbee0)" EBADF_TXT);
	harness_abi = ABI_I386;
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, HDIO_GET_IDENTITY, 0),
			 "ioctl(-1, HDIO_GET_IDENTITY, 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, HDIO_SET_BUSSTATE, 1),
			 "ioctl(-1, HDIO_SET_BUSSTATE, 0x1)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, HDIO_DRIVE_CMD, 0),
			 "ioctl(-1, HDIO_DRIVE_CMD, NULL)" EBADF_TXT);
	harness_abi = ABI_X86_64;
}

Test(sys_ioctl_zoo, inode_flags)
{
	static const int flags[] = {FS_IMMUTABLE_FL | FS_NOATIME_FL | 0x40000000, 0x1000000, 0};
	map(0x1000, &flags[0], 4);
	map(0x2000, &flags[1], 4);
	map(0x3000, &flags[2], 4);
	cr_expect_str_eq(RUN("ioctl", 0, -1, FS_IOC32_GETFLAGS, 0x1000),
			 "ioctl(-1, FS_IOC32_GETFLAGS, [FS_IMMUTABLE_FL|FS_NOATIME_FL|"
			 "FS_CASEFOLD_FL]) = 0");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, FS_IOC_GETFLAGS, 0x1000),
			 "ioctl(-1, FS_IOC_GETFLAGS, 0x1000)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, FS_IOC_SETFLAGS, 0x2000),
			 "ioctl(-1, FS_IOC_SETFLAGS, [0x1000000 /* FS_???_FL */])" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, FS_IOC_SETFLAGS, 0x3000),
			 "ioctl(-1, FS_IOC_SETFLAGS, [0])" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, FS_IOC_SETFLAGS, 0x5000),
			 "ioctl(-1, FS_IOC_SETFLAGS, 0x5000)" EBADF_TXT);
}

static struct {
	struct fiemap f;
	struct fiemap_extent e[2];
} fm;

static void fiemap_fill(uint32_t mapped)
{
	memset(&fm, 0, sizeof(fm));
	fm.f.fm_length = ~0ULL;
	fm.f.fm_flags = FIEMAP_FLAG_SYNC;
	fm.f.fm_extent_count = 2;
	fm.f.fm_mapped_extents = mapped;
	fm.e[0].fe_physical = 4096;
	fm.e[0].fe_length = 8192;
	fm.e[0].fe_flags = FIEMAP_EXTENT_LAST | FIEMAP_EXTENT_UNWRITTEN;
}

Test(sys_ioctl_zoo, fiemap_in_and_out)
{
	fiemap_fill(1);
	map(0x10000, &fm, sizeof(fm));
	/* The struct and its first extent only: the second cannot be read. */
	map(0x20000, &fm, sizeof(fm.f) + sizeof(fm.e[0]));
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, FS_IOC_FIEMAP, 0x10000),
			 "ioctl(-1, FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, "
			 "fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=2})" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", 0, -1, FS_IOC_FIEMAP, 0x10000),
			 "ioctl(-1, FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, "
			 "fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=2} => "
			 "{fm_flags=FIEMAP_FLAG_SYNC, fm_mapped_extents=1, ...}) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, FS_IOC_FIEMAP, 0),
			 "ioctl(-1, FS_IOC_FIEMAP, NULL) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, FS_IOC_FIEMAP, 0x30000),
			 "ioctl(-1, FS_IOC_FIEMAP, 0x30000) = 0");
	opts.verbose = true;
	cr_expect_str_eq(
		RUN("ioctl", 0, -1, FS_IOC_FIEMAP, 0x10000),
		"ioctl(-1, FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, "
		"fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=2} => "
		"{fm_flags=FIEMAP_FLAG_SYNC, fm_mapped_extents=1, fm_extents=[{fe_logical=0, "
		"fe_physical=4096, fe_length=8192, "
		"fe_flags=FIEMAP_EXTENT_LAST|FIEMAP_EXTENT_UNWRITTEN}]}) = 0");
	fm.f.fm_mapped_extents = 2;
	cr_expect_str_eq(
		RUN("ioctl", 0, -1, FS_IOC_FIEMAP, 0x20000),
		"ioctl(-1, FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, "
		"fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=2} => "
		"{fm_flags=FIEMAP_FLAG_SYNC, fm_mapped_extents=2, fm_extents=[{fe_logical=0, "
		"fe_physical=4096, fe_length=8192, "
		"fe_flags=FIEMAP_EXTENT_LAST|FIEMAP_EXTENT_UNWRITTEN}, ... /* 0x20058 */]}) = 0");
}

Test(sys_ioctl_zoo, modem_lines)
{
	static const int lines = TIOCM_DTR | TIOCM_RTS | 0x100000, unknown = 0x200;
	map(0x1000, &lines, sizeof(lines));
	map(0x2000, &unknown, sizeof(unknown));
	cr_expect_str_eq(RUN("ioctl", 0, -1, TIOCMGET, 0x1000),
			 "ioctl(-1, TIOCMGET, [TIOCM_DTR|TIOCM_RTS|0x100000]) = 0");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, TIOCMGET, 0x1000),
			 "ioctl(-1, TIOCMGET, 0x1000)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, TIOCMBIS, 0x2000),
			 "ioctl(-1, TIOCMBIS, [0x200 /* TIOCM_??? */])" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, TIOCMSET, 0x3000),
			 "ioctl(-1, TIOCMSET, 0x3000)" EBADF_TXT);
}

Test(sys_ioctl_zoo, rtc_time_and_alarm)
{
	static const struct rtc_time t = {5, 4, 3, 2, 1, 126, 0, 32, 0};
	static struct rtc_wkalrm w = {.enabled = 1};
	w.time = t;
	map(0x1000, &t, sizeof(t));
	map(0x2000, &w, sizeof(w));
	map(0x3000, &t, sizeof(t) - 4);
	cr_expect_str_eq(RUN("ioctl", 0, -1, RTC_RD_TIME, 0x1000),
			 "ioctl(-1, RTC_RD_TIME, {tm_sec=5, tm_min=4, tm_hour=3, tm_mday=2, "
			 "tm_mon=1, tm_year=126, ...}) = 0");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, RTC_SET_TIME, 0x3000),
			 "ioctl(-1, RTC_SET_TIME, 0x3000)" EBADF_TXT);
	opts.verbose = true;
	cr_expect_str_eq(RUN("ioctl", 0, -1, RTC_WKALM_RD, 0x2000),
			 "ioctl(-1, RTC_WKALM_RD, {enabled=1, pending=0, time={tm_sec=5, tm_min=4, "
			 "tm_hour=3, tm_mday=2, tm_mon=1, tm_year=126, tm_wday=0, tm_yday=32, "
			 "tm_isdst=0}}) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, RTC_AIE_ON, 0), "ioctl(-1, RTC_AIE_ON) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, RTC_UIE_OFF, 0),
			 "ioctl(-1, PHN_NOT_OH or RTC_UIE_OFF) = 0");
}

Test(sys_ioctl_zoo, watchdog_perf_and_namespaces)
{
	static const int timeout = 30;
	static const uint64_t id = 77;
	static const char filter[] = "common_pid == 1";
	map(0x1000, &timeout, sizeof(timeout));
	map(0x2000, &id, sizeof(id));
	map(0x3000, filter, sizeof(filter));
	cr_expect_str_eq(RUN("ioctl", 0, -1, WDIOC_GETTIMEOUT, 0x1000),
			 "ioctl(-1, WDIOC_GETTIMEOUT, [30]) = 0");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, WDIOC_SETTIMEOUT, 0x1000),
			 "ioctl(-1, WDIOC_SETTIMEOUT, [30])" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", 0, -1, WDIOC_KEEPALIVE, 0), "ioctl(-1, WDIOC_KEEPALIVE) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, WDIOC_GETSUPPORT, 0),
			 "ioctl(-1, WDIOC_GETSUPPORT, 0) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, PERF_EVENT_IOC_ID, 0x2000),
			 "ioctl(-1, PERF_EVENT_IOC_ID, [77]) = 0");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, PERF_EVENT_IOC_SET_FILTER, 0x3000),
			 "ioctl(-1, PERF_EVENT_IOC_SET_FILTER, \"common_pid == 1\")" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, PERF_EVENT_IOC_ENABLE, 3),
			 "ioctl(-1, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP|0x2)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, PERF_EVENT_IOC_SET_OUTPUT, 0xffffffff),
			 "ioctl(-1, PERF_EVENT_IOC_SET_OUTPUT, -1)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", 3, -1, NS_GET_USERNS, 0), "ioctl(-1, NS_GET_USERNS) = 3");
	cr_expect_str_eq(RUN("ioctl", 0, -1, NS_GET_OWNER_UID, 0x1000),
			 "ioctl(-1, NS_GET_OWNER_UID, [30]) = 0");
}

Test(sys_ioctl_zoo, arguments_strace_shows_as_numbers)
{
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, KVM_RUN, 0), "ioctl(-1, KVM_RUN, 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, KVM_CREATE_VCPU, 3),
			 "ioctl(-1, KVM_CREATE_VCPU, 3)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, KVM_CHECK_EXTENSION, KVM_CAP_IRQCHIP),
			 "ioctl(-1, KVM_CHECK_EXTENSION, KVM_CAP_IRQCHIP)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, KVM_CHECK_EXTENSION, 0xdeadbeef),
			 "ioctl(-1, KVM_CHECK_EXTENSION, 0xdeadbeef /* KVM_CAP_??? */)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, FIBMAP, 0), "ioctl(-1, FIBMAP, 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, TCXONC, 0xdeadbeef),
			 "ioctl(-1, TCXONC, 0xdeadbeef /* TC??? */)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, TCFLSH, TCIOFLUSH),
			 "ioctl(-1, TCFLSH, TCIOFLUSH)" EBADF_TXT);
}

/* Numbers behind the pointer: their size and sign as strace 6.1 shows each request's. */
Test(sys_ioctl_zoo, storage_numbers)
{
	static const uint32_t all_ones = 0xffffffff;
	static const uint64_t dma = 0x8887868584838281ULL, offs = 4096;
	static const int64_t minus2 = -2;
	map(0x1000, &all_ones, sizeof(all_ones));
	map(0x2000, &dma, sizeof(dma));
	map(0x3000, &offs, sizeof(offs));
	map(0x4000, &minus2, sizeof(minus2));
	cr_expect_str_eq(RUN("ioctl", 0, -1, BLKIOMIN, 0x1000),
			 "ioctl(-1, BLKIOMIN, [4294967295]) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, BLKALIGNOFF, 0x1000),
			 "ioctl(-1, BLKALIGNOFF, [-1]) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, SG_GET_VERSION_NUM, 0x1000),
			 "ioctl(-1, SG_GET_VERSION_NUM, [-1]) = 0");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, SG_SET_TIMEOUT, 0x1000),
			 "ioctl(-1, SG_SET_TIMEOUT, [-1])" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", 0, -1, OTPGETREGIONCOUNT, 0x1000),
			 "ioctl(-1, MIXER_WRITE(14) or OTPGETREGIONCOUNT, [4294967295]) = 0");
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, MEMGETBADBLOCK, 0x3000),
			 "ioctl(-1, MIXER_WRITE(11) or MEMGETBADBLOCK, [4096])" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, UBI_IOCVOLUP, 0x4000),
			 "ioctl(-1, UBI_IOCVOLUP, [-2])" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", 0, -1, HDIO_GET_DMA, 0x2000),
			 "ioctl(-1, HDIO_GET_DMA, [9837979819026121345]) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, HDIO_GET_DMA, 0x1000),
			 "ioctl(-1, HDIO_GET_DMA, 0x1000) = 0");
	harness_abi = ABI_I386;
	cr_expect_str_eq(RUN("ioctl", 0, -1, HDIO_GET_DMA, 0x2000),
			 "ioctl(-1, HDIO_GET_DMA, 0x2000) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, SG_GET_VERSION_NUM, 0x1000),
			 "ioctl(-1, SG_GET_VERSION_NUM, [-1]) = 0");
	harness_abi = ABI_X86_64;
}

Test(sys_ioctl_zoo, named_numbers_behind_the_pointer)
{
	static const int zero = 0, capture = V4L2_BUF_TYPE_VIDEO_CAPTURE, vl = 0x22;
	static const uint64_t tristate = BUSSTATE_TRISTATE, nice = 0x1f;
	map(0x1000, &zero, sizeof(zero));
	map(0x2000, &capture, sizeof(capture));
	map(0x3000, &vl, sizeof(vl));
	map(0x4000, &tristate, sizeof(tristate));
	map(0x5000, &nice, sizeof(nice));
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, VIDIOC_STREAMON, 0x1000),
			 "ioctl(-1, VIDIOC_STREAMON, [0 /* V4L2_BUF_TYPE_??? */])" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, VIDIOC_STREAMOFF, 0x2000),
			 "ioctl(-1, VIDIOC_STREAMOFF, [V4L2_BUF_TYPE_VIDEO_CAPTURE])" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", 0, -1, RTC_VL_READ, 0x3000),
			 "ioctl(-1, RTC_VL_READ, [RTC_VL_BACKUP_LOW|0x20]) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, HDIO_GET_BUSSTATE, 0x4000),
			 "ioctl(-1, HDIO_GET_BUSSTATE, [BUSSTATE_TRISTATE]) = 0");
	cr_expect_str_eq(
		RUN("ioctl", 0, -1, HDIO_GET_NICE, 0x5000),
		"ioctl(-1, HDIO_GET_NICE, [1 << IDE_NICE_DSC_OVERLAP|1 << IDE_NICE_ATAPI_OVERLAP|"
		"1 << IDE_NICE_1|1 << IDE_NICE_0|1 << IDE_NICE_2]) = 0");
	cr_expect_str_eq(RUN("ioctl", 0, -1, HDIO_GET_NICE, 0x1000),
			 "ioctl(-1, HDIO_GET_NICE, 0x1000) = 0");
}

/* OSS's mixer type is MTD's: strace reads a read-only or write-only 'M' request as a mixer's
 * first, and names the MTD request after it. */
Test(sys_ioctl_zoo, mtd_requests_after_the_mixer_reading)
{
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, MEMGETINFO, 0),
			 "ioctl(-1, MIXER_READ(1) or MEMGETINFO, NULL)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, OTPERASE, 0),
			 "ioctl(-1, MIXER_WRITE(25) or OTPERASE, 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, _IOR('M', 99, int), 0),
			 "ioctl(-1, MIXER_READ(99), 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, _IO('M', 99), 0),
			 "ioctl(-1, _IOC(_IOC_NONE, 0x4d, 0x63, 0), 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, MEMREAD, 0), "ioctl(-1, MEMREAD, 0)" EBADF_TXT);
	harness_xstyle = CONST_RAW;
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, MEMGETINFO, 0),
			 "ioctl(-1, 0x80204d01, NULL)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, _IOR('M', 99, int), 0),
			 "ioctl(-1, 0x80044d63, 0)" EBADF_TXT);
	harness_xstyle = CONST_VERBOSE;
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, MEMGETINFO, 0),
			 "ioctl(-1, 0x80204d01 /* MIXER_READ(1) or MEMGETINFO */, NULL)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, _IOW('M', 99, char[3]), 0),
			 "ioctl(-1, 0x40034d63 /* MIXER_WRITE(99) */, 0)" EBADF_TXT);
}

/* BLKGETSIZE64's number holds sizeof(size_t): i386's is another, named for an i386 tracee
 * alone (strace 6.1 prints _IOC() for it on x86_64); x86_64's number there is no i386
 * request at all: _IOC() there, as strace prints it. */
Test(sys_ioctl_zoo, abi_sized_requests_named_per_abi)
{
	uint32_t i386_nr = (BLKGETSIZE64 & ~(uint32_t)(_IOC_SIZEMASK << _IOC_SIZESHIFT)) |
			   (uint32_t)4 << _IOC_SIZESHIFT;

	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, i386_nr, 0),
			 "ioctl(-1, _IOC(_IOC_READ, 0x12, 0x72, 0x4), 0)" EBADF_TXT);
	harness_abi = ABI_I386;
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, i386_nr, 0),
			 "ioctl(-1, BLKGETSIZE64, NULL)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, BLKGETSIZE64, 0),
			 "ioctl(-1, _IOC(_IOC_READ, 0x12, 0x72, 0x8), 0)" EBADF_TXT);
	cr_expect_str_eq(RUN("ioctl", -EBADF, -1, RTC_RD_TIME, 0),
			 "ioctl(-1, RTC_RD_TIME, NULL)" EBADF_TXT);
	harness_abi = ABI_X86_64;
}
