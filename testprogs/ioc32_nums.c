/*
 * The i386 numbers of the ioctl requests whose number holds the size of a long, a pointer or
 * a struct that i386 lays out its own way, as a -m32 build of the same headers has them: one
 * "NAME 0xNUMBER" line each, the names as strace 6.1 prints them for an i386 tracee (a 32-bit
 * time's buffer requests are the kernel's VIDIOC_*_TIME32; ioc32_nums_t64.c prints the
 * 64-bit time ones).  tests/unit/test_ioctl32.c compares them with ptrc's tables.  Built
 * -m32 only (m32.cmake).
 */
#include <linux/blktrace_api.h>
#include <linux/btrfs.h>
#include <linux/fs.h>
#include <linux/input.h>
#include <linux/kvm.h>
#include <linux/perf_event.h>
#include <linux/rtc.h>
#include <linux/videodev2.h>
#include <mtd/mtd-abi.h>
#include <stdio.h>
#ifdef PTRC_HAVE_DRM_H
#include <drm.h>
#endif

void ioc32_print_time64(void); /* ioc32_nums_t64.c */

#define P(m) printf("%s %#x\n", #m, (unsigned)(m))
#define P_TIME32(m) printf("%s_TIME32 %#x\n", #m, (unsigned)(m))

int main(void)
{
	_Static_assert(sizeof(long) == 4 && sizeof(time_t) == 4, "an i386 build, 32-bit time");
	/* a long, a pointer or a size_t */
	P(BLKBSZGET);
	P(BLKBSZSET);
	P(BLKGETSIZE64);
	P(KVM_MEMORY_ENCRYPT_OP);
	P(PERF_EVENT_IOC_ID);
	P(PERF_EVENT_IOC_MODIFY_ATTRIBUTES);
	P(PERF_EVENT_IOC_QUERY_BPF);
	P(PERF_EVENT_IOC_SET_FILTER);
	P(RTC_EPOCH_READ);
	P(RTC_EPOCH_SET);
	P(RTC_IRQP_READ);
	P(RTC_IRQP_SET);
	/* structs */
	P(BLKTRACESETUP);
	P(BTRFS_IOC_DEV_REPLACE);
	P(BTRFS_IOC_ENCODED_READ);
	P(BTRFS_IOC_ENCODED_WRITE);
	P(BTRFS_IOC_GET_SUBVOL_INFO);
	P(BTRFS_IOC_SEND);
	P(BTRFS_IOC_SET_RECEIVED_SUBVOL);
	P(EVIOCSFF);
	P(KVM_DIRTY_TLB);
	P(KVM_X86_SET_MSR_FILTER);
	P(MEMREAD);
	P(MEMREADOOB);
	P(MEMWRITEOOB);
	P(RTC_PLL_GET);
	P(RTC_PLL_SET);
	P(VIDIOC_CREATE_BUFS);
	P(VIDIOC_G_FMT);
	P(VIDIOC_S_FMT);
	P(VIDIOC_TRY_FMT);
	P(VIDIOC_ENUMINPUT);
	P(VIDIOC_ENUMSTD);
	P(VIDIOC_G_EDID);
	P(VIDIOC_S_EDID);
	P(VIDIOC_G_EXT_CTRLS);
	P(VIDIOC_S_EXT_CTRLS);
	P(VIDIOC_TRY_EXT_CTRLS);
	P(VIDIOC_G_FBUF);
	P(VIDIOC_S_FBUF);
	P_TIME32(VIDIOC_QUERYBUF);
	P_TIME32(VIDIOC_QBUF);
	P_TIME32(VIDIOC_DQBUF);
	P_TIME32(VIDIOC_PREPARE_BUF);
	P_TIME32(VIDIOC_DQEVENT);
#ifdef PTRC_HAVE_DRM_H
	P(DRM_IOCTL_ADD_BUFS);
	P(DRM_IOCTL_ADD_MAP);
	P(DRM_IOCTL_AGP_ALLOC);
	P(DRM_IOCTL_AGP_BIND);
	P(DRM_IOCTL_AGP_ENABLE);
	P(DRM_IOCTL_AGP_FREE);
	P(DRM_IOCTL_AGP_INFO);
	P(DRM_IOCTL_AGP_UNBIND);
	P(DRM_IOCTL_DMA);
	P(DRM_IOCTL_FREE_BUFS);
	P(DRM_IOCTL_GET_CLIENT);
	P(DRM_IOCTL_GET_MAP);
	P(DRM_IOCTL_GET_SAREA_CTX);
	P(DRM_IOCTL_GET_STATS);
	P(DRM_IOCTL_GET_UNIQUE);
	P(DRM_IOCTL_INFO_BUFS);
	P(DRM_IOCTL_MAP_BUFS);
	P(DRM_IOCTL_MARK_BUFS);
	P(DRM_IOCTL_MODE_ADDFB2);
	P(DRM_IOCTL_MODE_GETFB2);
	P(DRM_IOCTL_MODE_GETPLANERESOURCES);
	P(DRM_IOCTL_MODE_OBJ_GETPROPERTIES);
	P(DRM_IOCTL_MODE_OBJ_SETPROPERTY);
	P(DRM_IOCTL_RES_CTX);
	P(DRM_IOCTL_RM_MAP);
	P(DRM_IOCTL_SET_SAREA_CTX);
	P(DRM_IOCTL_SET_UNIQUE);
	P(DRM_IOCTL_SG_ALLOC);
	P(DRM_IOCTL_SG_FREE);
	P(DRM_IOCTL_UPDATE_DRAW);
	P(DRM_IOCTL_VERSION);
	P(DRM_IOCTL_WAIT_VBLANK);
#endif
	ioc32_print_time64();
	return 0;
}
