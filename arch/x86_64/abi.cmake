# x86_64: its syscall numbers from <asm/unistd_64.h>, and the x32 bit from <asm/unistd.h>.
set(ptrc_abi_header asm/unistd_64.h)
set(ptrc_abi_uapi_dirs /usr/x86_64-linux-gnu/include /usr/include/x86_64-linux-gnu)
set(ptrc_abi_host_cpus "x86_64|AMD64")
# gen/systab_x86_64.h: PTRC_X86_64_X32_SYSCALL_BIT for arch/x86_64/abi.c.
set(ptrc_abi_macros __X32_SYSCALL_BIT)
set(ptrc_abi_macros_header asm/unistd.h)
