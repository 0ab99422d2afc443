/*
 * i386's numbers of the ioctl requests whose struct it lays out its own way (a long or a
 * pointer of 4 bytes, a u64 aligned to 4, a 32-bit or a 64-bit time): each is the header's
 * macro with the size of the i386 struct in it, stated below as the sum of its i386 fields,
 * padding named.  strace 6.1 names them for an i386 tracee.  test_ioctl32 checks every number
 * against what the same macros are in a -m32 build (testprogs/ioc32_nums.c).
 */
#include <linux/blktrace_api.h>
#include <linux/btrfs.h>
#include <linux/fs.h>
#include <linux/input.h>
#include <linux/kvm.h>
#include <linux/rtc.h>
#include <linux/videodev2.h>
#include <mtd/mtd-abi.h>

#include "../layout.h"
#include "../../src/sys/ioctl_sized.h"
#include "../../src/sys/xlat.h"

/* struct blk_user_trace_setup: name[32], act_mask (u16) and 2 of padding, buf_size, buf_nr,
 * start_lba, end_lba (u64), pid. */
#define BLK_USER_TRACE_SETUP_SIZE (32 + 2 + 2 + 4 + 4 + 8 + 8 + 4)
/* struct btrfs_ioctl_dev_replace_args: cmd, result; the union, whose larger member is the
 * start params (srcdevid, cont_reading_from_srcdev_mode, two names of 1025 bytes, 2 of
 * padding); spare[64] (u64). */
#define BTRFS_DEV_REPLACE_ARGS_SIZE (8 + 8 + (8 + 8 + 2 * 1025 + 2) + 64 * 8)
/* struct btrfs_ioctl_encoded_io_args: iov (a pointer), iovcnt (a long), offset, flags, len,
 * unencoded_len, unencoded_offset (u64), compression, encryption, reserved[64]. */
#define BTRFS_ENCODED_IO_ARGS_SIZE (4 + 4 + 5 * 8 + 4 + 4 + 64)
/* struct btrfs_ioctl_timespec: sec (u64), nsec (u32), no tail padding on i386. */
#define BTRFS_TIMESPEC_SIZE (8 + 4)
/* struct btrfs_ioctl_get_subvol_info_args: treeid, name[256], parent_id, dirid,
 * generation, flags, three uuids of 16, ctransid, otransid, stransid, rtransid, four
 * btrfs_ioctl_timespec, reserved[8] (u64). */
#define BTRFS_GET_SUBVOL_INFO_ARGS_SIZE                                                            \
	(8 + 256 + 4 * 8 + 3 * 16 + 4 * 8 + 4 * BTRFS_TIMESPEC_SIZE + 8 * 8)
/* struct btrfs_ioctl_send_args: send_fd (s64), clone_sources_count, clone_sources (a
 * pointer), parent_root, flags (u64), version, reserved[28]. */
#define BTRFS_SEND_ARGS_SIZE (8 + 8 + 4 + 8 + 8 + 4 + 28)
/* struct btrfs_ioctl_received_subvol_args: uuid[16], stransid, rtransid, stime, rtime,
 * flags, reserved[16] (u64). */
#define BTRFS_RECEIVED_SUBVOL_ARGS_SIZE (16 + 8 + 8 + 2 * BTRFS_TIMESPEC_SIZE + 8 + 16 * 8)
/* struct ff_effect: type, id, direction (u16), ff_trigger and ff_replay (two u16 each), 2 of
 * padding; the union, whose larger member is ff_periodic_effect (five u16, ff_envelope of
 * four u16, 2 of padding, custom_len, custom_data: a pointer). */
#define FF_EFFECT_SIZE (3 * 2 + 4 + 4 + 2 + (5 * 2 + 8 + 2 + 4 + 4))
/* struct kvm_dirty_tlb: bitmap (u64), num_dirty. */
#define KVM_DIRTY_TLB_SIZE (8 + 4)
/* struct kvm_msr_filter: flags, 16 kvm_msr_filter_range (flags, nmsrs, base, bitmap: a
 * pointer). */
#define KVM_MSR_FILTER_SIZE (4 + 16 * (3 * 4 + 4))
/* struct mtd_read_req: start, len, ooblen, usr_data, usr_oob (u64), mode and padding[7],
 * mtd_read_req_ecc_stats (three u32). */
#define MTD_READ_REQ_SIZE (5 * 8 + 1 + 7 + 3 * 4)
/* struct mtd_oob_buf: start, length, ptr (a pointer). */
#define MTD_OOB_BUF_SIZE (4 + 4 + 4)
/* struct rtc_pll_info: six ints, pll_clock (a long). */
#define RTC_PLL_INFO_SIZE (6 * 4 + 4)
/* struct v4l2_format: type, the union fmt (raw_data[200]; 4-aligned on i386). */
#define V4L2_FORMAT_SIZE (4 + 200)
/* struct v4l2_create_buffers: index, count, memory, v4l2_format, capabilities, flags,
 * reserved[6]. */
#define V4L2_CREATE_BUFFERS_SIZE (3 * 4 + V4L2_FORMAT_SIZE + 2 * 4 + 6 * 4)
/* struct v4l2_buffer with a struct timeval of tv bytes: index, type, bytesused, flags, field,
 * timestamp, v4l2_timecode (16), sequence, memory, the union m (4), length, reserved2, the
 * request_fd union.  A 32-bit time (tv 8) is the kernel's v4l2_buffer_time32. */
#define V4L2_BUFFER_SIZE(tv) (5 * 4 + (tv) + 16 + 2 * 4 + 4 + 3 * 4)
/* struct v4l2_event with a struct timespec of ts bytes: type, the union u (64), pending,
 * sequence, timestamp, id, reserved[8]. */
#define V4L2_EVENT_SIZE(ts) (4 + 64 + 2 * 4 + (ts) + 4 + 8 * 4)
/* i386's time64 struct timeval and timespec: a 64-bit count, a 32-bit one and 4 of padding
 * (glibc's _TIME_BITS=64); the old ones are two 32-bit counts. */
#define I386_TIME64_SIZE (8 + 4 + 4)
#define I386_TIME32_SIZE (4 + 4)
/* struct v4l2_input: index, name[32], type, audioset, tuner, std (u64), status,
 * capabilities, reserved[3]. */
#define V4L2_INPUT_SIZE (4 + 32 + 3 * 4 + 8 + 2 * 4 + 3 * 4)
/* struct v4l2_standard: index, id (u64), name[24], v4l2_fract (two u32), framelines,
 * reserved[4]. */
#define V4L2_STANDARD_SIZE (4 + 8 + 24 + 8 + 4 + 4 * 4)
/* struct v4l2_edid: pad, start_block, blocks, reserved[5], edid (a pointer). */
#define V4L2_EDID_SIZE (3 * 4 + 5 * 4 + 4)
/* struct v4l2_ext_controls: which, count, error_idx, request_fd, reserved[1], controls (a
 * pointer). */
#define V4L2_EXT_CONTROLS_SIZE (5 * 4 + 4)
/* struct v4l2_framebuffer: capability, flags, base (a pointer), fmt (eight u32). */
#define V4L2_FRAMEBUFFER_SIZE (2 * 4 + 4 + 8 * 4)

/*
 * X(the 64-bit request it is, the header's macro whose number it is, the i386 size).  The
 * buffer requests are there twice: with glibc's 64-bit time, and the kernel's _TIME32 one.
 */
#define I386_IOCTL_REQS(X)                                                                         \
	X(BLKTRACESETUP, BLKTRACESETUP, BLK_USER_TRACE_SETUP_SIZE)                                 \
	X(BTRFS_IOC_DEV_REPLACE, BTRFS_IOC_DEV_REPLACE, BTRFS_DEV_REPLACE_ARGS_SIZE)               \
	X(BTRFS_IOC_ENCODED_READ, BTRFS_IOC_ENCODED_READ, BTRFS_ENCODED_IO_ARGS_SIZE)              \
	X(BTRFS_IOC_ENCODED_WRITE, BTRFS_IOC_ENCODED_WRITE, BTRFS_ENCODED_IO_ARGS_SIZE)            \
	X(BTRFS_IOC_GET_SUBVOL_INFO, BTRFS_IOC_GET_SUBVOL_INFO, BTRFS_GET_SUBVOL_INFO_ARGS_SIZE)   \
	X(BTRFS_IOC_SEND, BTRFS_IOC_SEND, BTRFS_SEND_ARGS_SIZE)                                    \
	X(BTRFS_IOC_SET_RECEIVED_SUBVOL, BTRFS_IOC_SET_RECEIVED_SUBVOL,                            \
	  BTRFS_RECEIVED_SUBVOL_ARGS_SIZE)                                                         \
	X(EVIOCSFF, EVIOCSFF, FF_EFFECT_SIZE)                                                      \
	X(KVM_DIRTY_TLB, KVM_DIRTY_TLB, KVM_DIRTY_TLB_SIZE)                                        \
	I386_KVM_X86_REQS(X)                                                                       \
	X(MEMREAD, MEMREAD, MTD_READ_REQ_SIZE)                                                     \
	X(MEMREADOOB, MEMREADOOB, MTD_OOB_BUF_SIZE)                                                \
	X(MEMWRITEOOB, MEMWRITEOOB, MTD_OOB_BUF_SIZE)                                              \
	X(RTC_PLL_GET, RTC_PLL_GET, RTC_PLL_INFO_SIZE)                                             \
	X(RTC_PLL_SET, RTC_PLL_SET, RTC_PLL_INFO_SIZE)                                             \
	X(VIDIOC_CREATE_BUFS, VIDIOC_CREATE_BUFS, V4L2_CREATE_BUFFERS_SIZE)                        \
	X(VIDIOC_G_FMT, VIDIOC_G_FMT, V4L2_FORMAT_SIZE)                                            \
	X(VIDIOC_S_FMT, VIDIOC_S_FMT, V4L2_FORMAT_SIZE)                                            \
	X(VIDIOC_TRY_FMT, VIDIOC_TRY_FMT, V4L2_FORMAT_SIZE)                                        \
	X(VIDIOC_QUERYBUF, VIDIOC_QUERYBUF, V4L2_BUFFER_SIZE(I386_TIME64_SIZE))                    \
	X(VIDIOC_QUERYBUF_TIME32, VIDIOC_QUERYBUF, V4L2_BUFFER_SIZE(I386_TIME32_SIZE))             \
	X(VIDIOC_QBUF, VIDIOC_QBUF, V4L2_BUFFER_SIZE(I386_TIME64_SIZE))                            \
	X(VIDIOC_QBUF_TIME32, VIDIOC_QBUF, V4L2_BUFFER_SIZE(I386_TIME32_SIZE))                     \
	X(VIDIOC_DQBUF, VIDIOC_DQBUF, V4L2_BUFFER_SIZE(I386_TIME64_SIZE))                          \
	X(VIDIOC_DQBUF_TIME32, VIDIOC_DQBUF, V4L2_BUFFER_SIZE(I386_TIME32_SIZE))                   \
	X(VIDIOC_PREPARE_BUF, VIDIOC_PREPARE_BUF, V4L2_BUFFER_SIZE(I386_TIME64_SIZE))              \
	X(VIDIOC_PREPARE_BUF_TIME32, VIDIOC_PREPARE_BUF, V4L2_BUFFER_SIZE(I386_TIME32_SIZE))       \
	X(VIDIOC_DQEVENT, VIDIOC_DQEVENT, V4L2_EVENT_SIZE(I386_TIME64_SIZE))                       \
	X(VIDIOC_DQEVENT_TIME32, VIDIOC_DQEVENT, V4L2_EVENT_SIZE(I386_TIME32_SIZE))                \
	X(VIDIOC_ENUMINPUT, VIDIOC_ENUMINPUT, V4L2_INPUT_SIZE)                                     \
	X(VIDIOC_ENUMSTD, VIDIOC_ENUMSTD, V4L2_STANDARD_SIZE)                                      \
	X(VIDIOC_G_EDID, VIDIOC_G_EDID, V4L2_EDID_SIZE)                                            \
	X(VIDIOC_S_EDID, VIDIOC_S_EDID, V4L2_EDID_SIZE)                                            \
	X(VIDIOC_G_EXT_CTRLS, VIDIOC_G_EXT_CTRLS, V4L2_EXT_CONTROLS_SIZE)                          \
	X(VIDIOC_S_EXT_CTRLS, VIDIOC_S_EXT_CTRLS, V4L2_EXT_CONTROLS_SIZE)                          \
	X(VIDIOC_TRY_EXT_CTRLS, VIDIOC_TRY_EXT_CTRLS, V4L2_EXT_CONTROLS_SIZE)                      \
	X(VIDIOC_G_FBUF, VIDIOC_G_FBUF, V4L2_FRAMEBUFFER_SIZE)                                     \
	X(VIDIOC_S_FBUF, VIDIOC_S_FBUF, V4L2_FRAMEBUFFER_SIZE)

/* The x86 KVM requests' structs exist in x86's <asm/kvm.h> alone (an arm64 <linux/kvm.h>
 * defines the macro, not its struct). */
#if defined(__x86_64__) || defined(__i386__)
#define I386_KVM_X86_REQS(X) X(KVM_X86_SET_MSR_FILTER, KVM_X86_SET_MSR_FILTER, KVM_MSR_FILTER_SIZE)
#else
#define I386_KVM_X86_REQS(X)
#endif

#define I386_XLAT(name, m, size) XLAT_PAIR(IOC_RESIZED(m, size), #name),
#define I386_REMAP(name, m, size) {IOC_RESIZED(m, size), name},

XLAT_TABLE(xl_i386_ioctl_reqs, XLAT_ENUM, I386_IOCTL_REQS(I386_XLAT));
static const struct ioctl_remap remap[] = {I386_IOCTL_REQS(I386_REMAP)};

const struct ioctl_abi_reqs i386_ioctl_reqs = {
	.names = &xl_i386_ioctl_reqs,
	.remap = remap,
	.n = sizeof(remap) / sizeof(remap[0]),
};
