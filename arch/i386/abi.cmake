# i386: its syscall numbers from <asm/unistd_32.h>; traced on an x86_64 host.
set(ptrc_abi_header asm/unistd_32.h)
set(ptrc_abi_uapi_dirs /usr/x86_64-linux-gnu/include /usr/include/x86_64-linux-gnu)
set(ptrc_abi_host_cpus "")
set(ptrc_abi_header_host x86_64) # the x86_64 compiler's own headers have it
