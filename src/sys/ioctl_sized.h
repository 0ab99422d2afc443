/*
 * An ioctl request's number with another struct size in it: the same request (direction,
 * type, number from the header's macro) as another ABI, or another definition of the
 * struct, lays it out.  The sizes are stated where each struct's layout is known.
 */
#ifndef PTRC_SYS_IOCTL_SIZED_H
#define PTRC_SYS_IOCTL_SIZED_H

#include <linux/ioctl.h>
#include <linux/videodev2.h>

#define IOC_RESIZED(m, size) _IOC(_IOC_DIR(m), _IOC_TYPE(m), _IOC_NR(m), (size))

/*
 * The kernel's VIDIOC_*_TIME32 (drivers/media/v4l2-core; not UAPI, so no header has them):
 * the requests of struct v4l2_buffer and struct v4l2_event with a 32-bit time (two s32, 4
 * aligned), as a 64-bit ABI lays them out.  strace 6.1 names them on x86_64.
 *   v4l2_buffer: index, type, bytesused, flags, field; timestamp; struct v4l2_timecode (16);
 *   sequence, memory; 4 of padding before the 8-aligned union m; m; length, reserved2, the
 *   request_fd union; 4 of tail padding.
 *   v4l2_event: type; 4 of padding before the 8-aligned union u (64); pending, sequence;
 *   timestamp; id; reserved[8]; 4 of tail padding.
 */
#define V4L2_BUFFER_TIME32_LP64_SIZE (5 * 4 + 8 + 16 + 2 * 4 + 4 + 8 + 3 * 4 + 4)
#define V4L2_EVENT_TIME32_LP64_SIZE (4 + 4 + 64 + 2 * 4 + 8 + 4 + 8 * 4 + 4)
#define VIDIOC_QUERYBUF_TIME32 IOC_RESIZED(VIDIOC_QUERYBUF, V4L2_BUFFER_TIME32_LP64_SIZE)
#define VIDIOC_QBUF_TIME32 IOC_RESIZED(VIDIOC_QBUF, V4L2_BUFFER_TIME32_LP64_SIZE)
#define VIDIOC_DQBUF_TIME32 IOC_RESIZED(VIDIOC_DQBUF, V4L2_BUFFER_TIME32_LP64_SIZE)
#define VIDIOC_PREPARE_BUF_TIME32 IOC_RESIZED(VIDIOC_PREPARE_BUF, V4L2_BUFFER_TIME32_LP64_SIZE)
#define VIDIOC_DQEVENT_TIME32 IOC_RESIZED(VIDIOC_DQEVENT, V4L2_EVENT_TIME32_LP64_SIZE)

#endif
