/*
 * Data that several ABIs share (musl's arch/generic): the 64-bit ABIs'
 * common layouts.  An ABI's table points to these; nothing here is chosen
 * by testing the CPU.
 */
#ifndef PTRC_ARCH_GENERIC_H
#define PTRC_ARCH_GENERIC_H

#include "../abi.h"

extern const struct abi_wide_call abi_wide_lp64[];

#endif
