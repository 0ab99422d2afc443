/*
 * aarch64's struct layouts: all the kernel's generic 64-bit ones
 * (arch/generic), an unpacked struct epoll_event, and its signal frame.
 * test_arch_aarch64 checks them against the arm64 UAPI headers on any host.
 */
#include "../generic/generic.h"
#include "../layout.h"

const struct abi_layouts layouts_aarch64 = {
	.stat_size = sizeof(struct generic_stat),
	.stat = generic_stat_parse,
	ABI_LAYOUTS_LP64_GENERIC,
	ABI_LAYOUTS_LP64_IPC64,
	/* Not packed on arm64: u32 events, 4 bytes of padding, u64 data. */
	.epoll_event_size = 16,
	.epoll_data_off = 8,
	/*
	 * At rt_sigreturn sp is at struct rt_sigframe { siginfo (128 bytes); struct
	 * ucontext { uc_flags, uc_link, uc_stack (24), uc_sigmask ... } }.
	 */
	.rt_sigreturn_mask_off = 128 + 40,
};
