/*
 * What the fuzz targets share: the libFuzzer entry points, a reader that
 * turns the input bytes into the values a target needs, a fake tracee memory
 * laid out by the input, and checks of what the formatters wrote.  Targets
 * abort on a broken check so that libFuzzer, and the replay driver under
 * ctest, count it as a crash.
 */
#ifndef PTRC_TESTS_FUZZ_H
#define PTRC_TESTS_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../arch/abi.h"
#include "mem/tmem.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The input, read from the front; past its end every value reads as 0. */
struct fz {
	const uint8_t *p;
	size_t n;
};

uint8_t fz_u8(struct fz *f);
uint16_t fz_u16(struct fz *f);
uint32_t fz_u32(struct fz *f);
uint64_t fz_u64(struct fz *f);
/* Up to want bytes, in place; *got says how many there were. */
const uint8_t *fz_bytes(struct fz *f, size_t want, size_t *got);
/* A string of up to 255 bytes (a length byte, then the bytes), NUL-terminated in ar. */
const char *fz_cstr(struct fz *f, struct arena *ar);
/* One of the ABIs whose syscall table is not empty. */
const struct ptrc_abi *fz_abi(struct fz *f);
/*
 * A syscall number of abi: a 16-bit index into its table, modulo its length
 * plus one; the one past the end stands for a number no table names
 * (printed as syscall_0x3e8).
 */
uint64_t fz_sysno(struct fz *f, const struct ptrc_abi *abi);

enum {
	FZ_MAX_REGIONS = 8,
	FZ_ANCHORS = 8,	      /* addresses a region may be placed at (the arguments, sp...) */
	FZ_MAX_REGION = 4096, /* bytes of one region */
};

/* Which of the call's stops see a region: tracee memory changes between them. */
enum fz_when { FZ_BOTH, FZ_ENTRY, FZ_EXIT };

/*
 * Tracee memory as the entry stop and the exit stop see it.  The regions'
 * bytes stay in the input, which must outlive the memory.
 */
struct fz_mem {
	struct tmem entry, exit;
	struct tmem_fake fentry, fexit;
	struct tmem_region rentry[FZ_MAX_REGIONS], rexit[FZ_MAX_REGIONS];
};

/*
 * Reads regions from f until it ends: each is a placement byte (low nibble:
 * anchors[0..FZ_ANCHORS) or, past them, an address read from the input;
 * bits 4-5: enum fz_when), a 16-bit length and that many bytes.  addr_mask
 * keeps an address within the ABI's word (0xffffffff for a 32-bit one).
 */
void fz_mem_build(struct fz_mem *m, struct fz *f, const uint64_t anchors[FZ_ANCHORS],
		  uint64_t addr_mask);

/* Aborts unless s[0..n) is one JSON value (RFC 8259) in valid UTF-8, and whitespace. */
void fz_check_json(const char *what, const char *s, size_t n);
/* The same, and it is one line ending with "\n" (JSON Lines). */
void fz_check_json_line(const char *what, const char *s, size_t n);
/* Aborts unless s[0..n) is printable ASCII (what strace's escapes leave). */
void fz_check_printable(const char *what, const char *s, size_t n);
/* The length of the valid UTF-8 sequence at s[0..n), or 0 (overlong, surrogate, cut...). */
size_t fz_utf8_seq(const unsigned char *s, size_t n);
/* PTRC_FUZZ_SHOW=1 in the environment: a target prints what it makes of each input. */
bool fz_show(void);
/* Prints what broke and aborts. */
__attribute__((noreturn, format(printf, 1, 2))) void fz_fail(const char *fmt, ...);

#endif
