/* ioctl requests whose number holds the size of a long, a pointer or a size_t, on fd -1
 * (EBADF): strace 6.1 names them on i386 by their i386 number (size 4) and on x86_64 by
 * theirs (size 8); the other ABI's number is _IOC() on each.  So are those of a struct whose
 * i386 layout differs, by each ABI's own number (the other's: test_ioctl32); a 32-bit time's
 * buffer requests are the kernel's VIDIOC_*_TIME32 there.
 *   tp_ioc32 basic   run with the default options (built for x86_64 and -m32)
 */
#include "expect.h"

#include <linux/blktrace_api.h>
#include <linux/btrfs.h>
#include <linux/fs.h>
#include <linux/input.h>
#include <linux/kvm.h>
#include <linux/perf_event.h>
#include <linux/rtc.h>
#include <linux/videodev2.h>
#include <mtd/mtd-abi.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static pid_t me;

#define io(req, arg, ...) xp_ioctl_bad_fd(me, req, arg, __VA_ARGS__)

/* The same request on the other ABI (the size of a long there): strace's _IOC() form. */
static void other(unsigned long req)
{
	static const char *const dirs[] = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
					   "_IOC_READ|_IOC_WRITE"};
	const unsigned size = sizeof(long) == 8 ? 4 : 8;
	const unsigned long o = _IOC(_IOC_DIR(req), _IOC_TYPE(req), _IOC_NR(req), size);

	io(o, 0, "_IOC(%s, %#x, %#x, %#x), 0", dirs[_IOC_DIR(req)], (unsigned)_IOC_TYPE(req),
	   (unsigned)_IOC_NR(req), size);
}

#define REQ(r, a, text)                                                                            \
	do {                                                                                       \
		io(r, a, #r ", %s", text);                                                         \
		other(r);                                                                          \
	} while (0)

/* The struct requests: strace decodes some (NULL), shows the others' argument in hex. */
static void structs(void)
{
	const char *t32 = sizeof(time_t) == 4 ? "_TIME32" : "";

	io(BLKTRACESETUP, 0, "BLKTRACESETUP, NULL");
	io(BTRFS_IOC_SEND, 0, "BTRFS_IOC_SEND, NULL");
	io(BTRFS_IOC_ENCODED_READ, 0, "BTRFS_IOC_ENCODED_READ, 0");
	io(EVIOCSFF, 0xdeadbeef, "EVIOCSFF, 0xdeadbeef");
	io(KVM_DIRTY_TLB, 0, "KVM_DIRTY_TLB, 0");
	io(MEMREADOOB, 0, "MEMREADOOB, NULL");
	io(MEMWRITEOOB, 0x8, "MEMWRITEOOB, 0x8");
	io(RTC_PLL_GET, 0, "RTC_PLL_GET, NULL");
	io(RTC_PLL_SET, 0xdeadbeef, "RTC_PLL_SET, 0xdeadbeef");
	io(VIDIOC_G_FMT, 0, "VIDIOC_G_FMT, NULL");
	io(VIDIOC_G_EDID, 0, "VIDIOC_G_EDID, 0");
	io(VIDIOC_QUERYBUF, 0, "VIDIOC_QUERYBUF%s, %s", t32, *t32 ? "0" : "NULL");
	io(VIDIOC_DQEVENT, 0, "VIDIOC_DQEVENT%s, 0", t32);
}

static int run_basic(void)
{
	REQ(BLKBSZGET, 0, "NULL");
	io(BLKBSZGET, 0xdeadbeef, "BLKBSZGET, 0xdeadbeef");
	REQ(BLKBSZSET, 0, "NULL");
	REQ(BLKGETSIZE64, 0, "NULL");
	REQ(KVM_MEMORY_ENCRYPT_OP, 0xdeadbeef, "0xdeadbeef");
	REQ(PERF_EVENT_IOC_ID, 0, "NULL");
	REQ(PERF_EVENT_IOC_MODIFY_ATTRIBUTES, 0, "NULL");
	REQ(PERF_EVENT_IOC_QUERY_BPF, 0, "NULL");
	REQ(PERF_EVENT_IOC_SET_FILTER, 0, "NULL");
	REQ(RTC_EPOCH_READ, 0, "NULL");
	REQ(RTC_EPOCH_SET, 0xdeadbeef, "3735928559");
	REQ(RTC_IRQP_READ, 0xdeadbeef, "0xdeadbeef");
	REQ(RTC_IRQP_SET, 64, "64");
	/* FS_IOC_GETFLAGS's i386 number is FS_IOC32_GETFLAGS's, named on both ABIs */
	io(_IOC(_IOC_READ, _IOC_TYPE(FS_IOC_GETFLAGS), _IOC_NR(FS_IOC_GETFLAGS), 4), 0,
	   "FS_IOC32_GETFLAGS, NULL");
	structs();
	return 0;
}

int main(int argc, char **argv)
{
	static const struct xp_mode modes[] = {{"basic", run_basic}, {NULL, NULL}};

	xp_init();
	me = getpid();
	xp_main("tp_ioc32", argc, argv, modes);
}
