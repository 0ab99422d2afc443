/*
 * General-purpose registers by name, for crash reports.  Each ABI describes
 * the layout of its NT_PRSTATUS register set as data (arch/<abi>/crash_regs.c);
 * parsing a recorded set is pure (src/crash/regs.c), so every ABI is tested on
 * any host.
 */
#ifndef PTRC_ARCH_REGS_H
#define PTRC_ARCH_REGS_H

#include <stddef.h>
#include <stdint.h>

struct reg_desc {
	const char *name;
	uint16_t offset; /* in the NT_PRSTATUS register set */
	uint8_t size;	 /* bytes: 4 or 8 */
};

struct reg_layout {
	const char *abi;    /* "x86_64" */
	size_t regset_size; /* sizeof the NT_PRSTATUS set: tells the ABI of a tracee */
	const struct reg_desc *regs;
	size_t nregs;
	unsigned pc, sp;      /* indexes into regs */
	unsigned word_size;   /* bytes of an address */
	int cs_arch, cs_mode; /* capstone's names for the instruction set */
	/*
	 * DWARF's numbering, for the fast stack walk (src/unwind/fastwalk.c):
	 * dwarf[i] indexes regs for DWARF register i, for the ndwarf registers
	 * that libdw's unwinder tracks for the ABI (its ebl_frame_nregs), so both
	 * walks start from the same registers.  ndwarf 0: no fast walk.
	 */
	const uint8_t *dwarf;
	unsigned ndwarf;
};

extern const struct reg_layout reg_layout_x86_64;
extern const struct reg_layout reg_layout_i386;
extern const struct reg_layout reg_layout_aarch64;

struct ptrc_abi;
/* The ABI whose NT_PRSTATUS set has this size (src/crash/regs.c), or NULL. */
const struct ptrc_abi *abi_by_regset_size(size_t regset_size);
/* That ABI's layout, or NULL. */
const struct reg_layout *reg_layout_by_size(size_t regset_size);

/* Reads every register of buf (len bytes) into vals[layout->nregs].  0, or -EINVAL if short. */
int regs_parse(const struct reg_layout *l, const void *buf, size_t len, uint64_t *vals);

#endif
