# aarch64: its syscall numbers from the generic <asm/unistd.h> of the arm64 headers
# (Debian's linux-libc-dev-arm64-cross on other hosts, which scripts/dev.sh installs).
set(ptrc_abi_header asm/unistd.h)
set(ptrc_abi_uapi_dirs /usr/aarch64-linux-gnu/include)
set(ptrc_abi_host_cpus "aarch64|arm64|ARM64")
