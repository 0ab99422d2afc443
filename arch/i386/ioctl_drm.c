/*
 * i386's numbers of the DRM core's requests whose struct it lays out its own way (a long, a
 * pointer or a size_t of 4 bytes, a u64 aligned to 4): libdrm's <drm.h> macros with the i386
 * size of each struct, stated as the sum of its i386 fields.  strace 6.1 names them for an
 * i386 tracee.  Without <drm.h> (CMakeLists.txt: PTRC_HAVE_DRM_H) the set is empty, as the
 * DRM names are on every ABI then.  test_ioctl32 checks them against a -m32 build.
 */
#include "../layout.h"
#include "../../src/sys/xlat.h"

#ifdef PTRC_HAVE_DRM_H
#include <drm.h>

#include "../../src/sys/ioctl_sized.h"

/* i386's long, pointer, size_t, int, enum: 4 bytes; a u64 is 8, aligned to 4. */
#define I386_WORD 4
/* struct drm_buf_desc: count, size, low_mark, high_mark, flags, agp_start (a long). */
#define DRM_BUF_DESC_SIZE (5 * 4 + I386_WORD)
/* struct drm_map: offset, size (longs), type, flags (enums), handle (a pointer), mtrr. */
#define DRM_MAP_SIZE (2 * I386_WORD + 2 * 4 + I386_WORD + 4)
/* struct drm_agp_buffer: size, handle, type, physical (longs). */
#define DRM_AGP_BUFFER_SIZE (4 * I386_WORD)
/* struct drm_agp_binding: handle, offset (longs). */
#define DRM_AGP_BINDING_SIZE (2 * I386_WORD)
/* struct drm_agp_mode: mode (a long). */
#define DRM_AGP_MODE_SIZE (I386_WORD)
/* struct drm_agp_info: two ints, five longs, id_vendor and id_device (shorts). */
#define DRM_AGP_INFO_SIZE (2 * 4 + 5 * I386_WORD + 2 * 2)
/* struct drm_dma: context, send_count, two pointers, flags, request_count, request_size, two
 * pointers, granted_count. */
#define DRM_DMA_SIZE (2 * 4 + 2 * I386_WORD + 3 * 4 + 2 * I386_WORD + 4)
/* struct drm_buf_free, drm_buf_info, drm_ctx_res: an int and a pointer. */
#define DRM_COUNT_LIST_SIZE (4 + I386_WORD)
/* struct drm_client: idx, auth, pid, uid, magic, iocs (longs). */
#define DRM_CLIENT_SIZE (2 * 4 + 4 * I386_WORD)
/* struct drm_ctx_priv_map: ctx_id, handle (a pointer). */
#define DRM_CTX_PRIV_MAP_SIZE (4 + I386_WORD)
/* struct drm_stats: count (a long), data[15] of a long and an enum. */
#define DRM_STATS_SIZE (I386_WORD + 15 * (I386_WORD + 4))
/* struct drm_unique: unique_len (a size_t), unique (a pointer). */
#define DRM_UNIQUE_SIZE (I386_WORD + I386_WORD)
/* struct drm_buf_map: count, virtual, list (pointers). */
#define DRM_BUF_MAP_SIZE (4 + 2 * I386_WORD)
/* struct drm_mode_fb_cmd2: fb_id, width, height, pixel_format, flags, handles[4],
 * pitches[4], offsets[4] (u32), modifier[4] (u64, no padding before it on i386). */
#define DRM_MODE_FB_CMD2_SIZE (5 * 4 + 3 * 4 * 4 + 4 * 8)
/* struct drm_mode_get_plane_res: plane_id_ptr (u64), count_planes. */
#define DRM_MODE_GET_PLANE_RES_SIZE (8 + 4)
/* struct drm_mode_obj_get_properties: props_ptr, prop_values_ptr (u64), count_props,
 * obj_id, obj_type. */
#define DRM_MODE_OBJ_GET_PROPERTIES_SIZE (2 * 8 + 3 * 4)
/* struct drm_mode_obj_set_property: value (u64), prop_id, obj_id, obj_type. */
#define DRM_MODE_OBJ_SET_PROPERTY_SIZE (8 + 3 * 4)
/* struct drm_scatter_gather: size, handle (longs). */
#define DRM_SCATTER_GATHER_SIZE (2 * I386_WORD)
/* struct drm_update_draw: handle, type, num, data (u64). */
#define DRM_UPDATE_DRAW_SIZE (3 * 4 + 8)
/* struct drm_version: three ints, then name, date and desc, each a size_t and a pointer. */
#define DRM_VERSION_SIZE (3 * 4 + 3 * (I386_WORD + I386_WORD))
/* union drm_wait_vblank: its larger member, struct drm_wait_vblank_reply (type, sequence,
 * tval_sec, tval_usec: longs). */
#define DRM_WAIT_VBLANK_SIZE (2 * 4 + 2 * I386_WORD)

/* X(the request, its i386 size). */
#define I386_DRM_REQS(X)                                                                           \
	X(DRM_IOCTL_ADD_BUFS, DRM_BUF_DESC_SIZE)                                                   \
	X(DRM_IOCTL_ADD_MAP, DRM_MAP_SIZE)                                                         \
	X(DRM_IOCTL_AGP_ALLOC, DRM_AGP_BUFFER_SIZE)                                                \
	X(DRM_IOCTL_AGP_BIND, DRM_AGP_BINDING_SIZE)                                                \
	X(DRM_IOCTL_AGP_ENABLE, DRM_AGP_MODE_SIZE)                                                 \
	X(DRM_IOCTL_AGP_FREE, DRM_AGP_BUFFER_SIZE)                                                 \
	X(DRM_IOCTL_AGP_INFO, DRM_AGP_INFO_SIZE)                                                   \
	X(DRM_IOCTL_AGP_UNBIND, DRM_AGP_BINDING_SIZE)                                              \
	X(DRM_IOCTL_DMA, DRM_DMA_SIZE)                                                             \
	X(DRM_IOCTL_FREE_BUFS, DRM_COUNT_LIST_SIZE)                                                \
	X(DRM_IOCTL_GET_CLIENT, DRM_CLIENT_SIZE)                                                   \
	X(DRM_IOCTL_GET_MAP, DRM_MAP_SIZE)                                                         \
	X(DRM_IOCTL_GET_SAREA_CTX, DRM_CTX_PRIV_MAP_SIZE)                                          \
	X(DRM_IOCTL_GET_STATS, DRM_STATS_SIZE)                                                     \
	X(DRM_IOCTL_GET_UNIQUE, DRM_UNIQUE_SIZE)                                                   \
	X(DRM_IOCTL_INFO_BUFS, DRM_COUNT_LIST_SIZE)                                                \
	X(DRM_IOCTL_MAP_BUFS, DRM_BUF_MAP_SIZE)                                                    \
	X(DRM_IOCTL_MARK_BUFS, DRM_BUF_DESC_SIZE)                                                  \
	X(DRM_IOCTL_MODE_ADDFB2, DRM_MODE_FB_CMD2_SIZE)                                            \
	X(DRM_IOCTL_MODE_GETFB2, DRM_MODE_FB_CMD2_SIZE)                                            \
	X(DRM_IOCTL_MODE_GETPLANERESOURCES, DRM_MODE_GET_PLANE_RES_SIZE)                           \
	X(DRM_IOCTL_MODE_OBJ_GETPROPERTIES, DRM_MODE_OBJ_GET_PROPERTIES_SIZE)                      \
	X(DRM_IOCTL_MODE_OBJ_SETPROPERTY, DRM_MODE_OBJ_SET_PROPERTY_SIZE)                          \
	X(DRM_IOCTL_RES_CTX, DRM_COUNT_LIST_SIZE)                                                  \
	X(DRM_IOCTL_RM_MAP, DRM_MAP_SIZE)                                                          \
	X(DRM_IOCTL_SET_SAREA_CTX, DRM_CTX_PRIV_MAP_SIZE)                                          \
	X(DRM_IOCTL_SET_UNIQUE, DRM_UNIQUE_SIZE)                                                   \
	X(DRM_IOCTL_SG_ALLOC, DRM_SCATTER_GATHER_SIZE)                                             \
	X(DRM_IOCTL_SG_FREE, DRM_SCATTER_GATHER_SIZE)                                              \
	X(DRM_IOCTL_UPDATE_DRAW, DRM_UPDATE_DRAW_SIZE)                                             \
	X(DRM_IOCTL_VERSION, DRM_VERSION_SIZE)                                                     \
	X(DRM_IOCTL_WAIT_VBLANK, DRM_WAIT_VBLANK_SIZE)

#define I386_XLAT(m, size) XLAT_PAIR(IOC_RESIZED(m, size), #m),
#define I386_REMAP(m, size) {IOC_RESIZED(m, size), m},

XLAT_TABLE(xl_i386_drm_ioctl_reqs, XLAT_ENUM, I386_DRM_REQS(I386_XLAT));
static const struct ioctl_remap remap[] = {I386_DRM_REQS(I386_REMAP)};

const struct ioctl_abi_reqs i386_drm_ioctl_reqs = {
	.names = &xl_i386_drm_ioctl_reqs,
	.remap = remap,
	.n = sizeof(remap) / sizeof(remap[0]),
};
#else
static const struct xlat no_names = {.ents = NULL, .n = 0, .type = XLAT_ENUM};
const struct ioctl_abi_reqs i386_drm_ioctl_reqs = {.names = &no_names, .remap = NULL, .n = 0};
#endif
