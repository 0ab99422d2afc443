/*
 * bpf(2)'s union bpf_attr, described member by member for each command (dec_bpf_attr.c)
 * and shown by dec_bpf.c as strace 6.1 shows it.  The union is the same bytes on every ABI
 * (fixed-width fields, pointers as aligned_u64), so one description serves them all.
 */
#ifndef PTRC_SYS_DEC_BPF_H
#define PTRC_SYS_DEC_BPF_H

#include <stdbool.h>
#include <stdint.h>

struct xlat;

/* How a field's value is shown. */
enum bpf_kind {
	BF_UINT,   /* decimal */
	BF_FD,	   /* a descriptor (-y names it) */
	BF_HEX,	   /* 0x1f */
	BF_PTR,	   /* NULL or the address */
	BF_STR,	   /* a NUL-terminated string at that address, up to -s */
	BF_PATH,   /* a path at that address */
	BF_NAME,   /* a char[BPF_OBJ_NAME_LEN] in the union itself */
	BF_ENUM,   /* one value named by tab */
	BF_FLAGS,  /* bits named by tab */
	BF_KVER,   /* KERNEL_VERSION(a, b, c) */
	BF_LOGBUF, /* a string of at most the u32 at len_off bytes (and -s) */
	BF_BUF,	   /* a buffer of the u32 at len_off bytes (up to -s) */
	BF_IDS,	   /* PROG_QUERY's prog_ids: [] when the count at len_off is 0 */
	/* Arrays of the u32 at len_off elements: */
	BF_ITER_MAPS, /* u32 map descriptors: [{map={map_fd=3}}] (LINK_CREATE's iter_info) */
	BF_STRS,      /* u64 addresses of strings: ["sym"] */
	BF_HEXES,     /* u64 numbers: [0x1000] */
};

/* When a field is shown at all, besides the size. */
enum bpf_cond {
	BFC_ALWAYS,
	BFC_NUMA,    /* map_flags has BPF_F_NUMA_NODE */
	BFC_REPLACE, /* link_update's flags have BPF_F_REPLACE */
	BFC_NONZERO, /* the field is not 0 */
};

struct bpf_field {
	const char *name;
	uint16_t off;	  /* in union bpf_attr */
	uint8_t size;	  /* 4 or 8 (16 for BF_NAME) */
	uint8_t kind;	  /* enum bpf_kind */
	uint16_t group;	  /* shown when the attr's size is larger than this offset */
	uint16_t len_off; /* BF_LOGBUF, BF_BUF, BF_IDS: where their length is */
	uint8_t cond;	  /* enum bpf_cond */
	const struct xlat *tab;
	const char *sub; /* shown inside a struct of that name (perf_event={...}), or NULL */
};

/* One command's member of the union. */
struct bpf_cmd_attr {
	const char *wrap; /* the member's name strace shows it in (test={...}), or NULL */
	const struct bpf_field *fields;
	unsigned nfields;
	uint16_t end; /* the bytes strace knows: a larger size's rest, when not 0, is ", ..." */
	bool next_id; /* the *_GET_NEXT_ID commands: next_id is written back */
};

/* The member of command cmd, or NULL where strace shows only the address. */
const struct bpf_cmd_attr *bpf_cmd_attr(uint64_t cmd);
/* BPF_LINK_CREATE's member, whose fields after the first four depend on its attach_type. */
const struct bpf_cmd_attr *bpf_link_create_attr(uint32_t attach_type);

#endif
