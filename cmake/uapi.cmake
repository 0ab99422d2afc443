# Where each ABI's kernel UAPI headers are, for its syscall table (gen_systab.cmake).
#   ptrc_uapi(ABI HEADER HOST_DIR DIRS...) sets
#     PTRC_UAPI_<ABI>_FOUND   TRUE when <HEADER> of that ABI can be preprocessed
#     PTRC_UAPI_<ABI>_CFLAGS  flags that make "#include <HEADER>" that ABI's own
# The compiler's own headers serve when it targets HOST_DIR's machine; otherwise the first
# of DIRS holding HEADER is preprocessed alone (-nostdinc).  Debian's cross headers are
# self-contained: arm64's <asm/unistd.h> defines its __ARCH_WANT_* macros itself and its
# <asm/bitsperlong.h> sets __BITS_PER_LONG to 64, so any C compiler can read them, and
# every host gets the same table.  scripts/dev.sh installs linux-libc-dev-arm64-cross.
function(ptrc_uapi abi header host_dir)
  set(found FALSE)
  set(cflags "")
  foreach(d ${ARGN})
    if(EXISTS ${d}/${header})
      set(found TRUE)
      set(cflags "-nostdinc -I${d}")
      break()
    endif()
  endforeach()
  if(NOT found AND PTRC_HOST_DIR STREQUAL host_dir AND NOT CMAKE_CROSSCOMPILING)
    set(found TRUE)
  endif()
  if(NOT found)
    message(WARNING "ptrc: no ${abi} UAPI headers (<${header}> in ${ARGN}): the ${abi} ABI "
                    "is built with an empty syscall table and its table tests are skipped")
  endif()
  set(PTRC_UAPI_${abi}_FOUND ${found} PARENT_SCOPE)
  set(PTRC_UAPI_${abi}_CFLAGS "${cflags}" PARENT_SCOPE)
endfunction()

# The host's own headers first when it is that machine; then Debian's cross headers
# (linux-libc-dev-<arch>-cross) and an amd64 build machine's multiarch directory.
set(x86_dirs /usr/x86_64-linux-gnu/include /usr/include/x86_64-linux-gnu)
if(PTRC_HOST_DIR STREQUAL "x86_64" AND NOT CMAKE_CROSSCOMPILING)
  set(x86_dirs "")
endif()
ptrc_uapi(x86_64 asm/unistd_64.h x86_64 ${x86_dirs})
ptrc_uapi(i386 asm/unistd_32.h x86_64 ${x86_dirs})
set(a64_dirs /usr/aarch64-linux-gnu/include)
ptrc_uapi(aarch64 asm/unistd.h aarch64 ${a64_dirs})
