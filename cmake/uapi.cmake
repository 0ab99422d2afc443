# Where each ABI's kernel UAPI headers are, for its syscall table (gen_systab.cmake).
#   ptrc_uapi(ABI HEADER HOST_DIR DIRS...) sets
#     PTRC_UAPI_<ABI>_FOUND   TRUE when <HEADER> of that ABI can be preprocessed
#     PTRC_UAPI_<ABI>_CFLAGS  flags that make "#include <HEADER>" that ABI's own
# The compiler's own headers serve when it targets HOST_DIR's machine; otherwise the first
# of DIRS holding HEADER is preprocessed alone (-nostdinc).  Each ABI's arch/<abi>/abi.cmake
# names its header and DIRS; CMakeLists.txt calls this for every row of arch/abis.def.
# Debian's cross headers are self-contained: arm64's <asm/unistd.h> defines its __ARCH_WANT_* macros itself and its
# <asm/bitsperlong.h> sets __BITS_PER_LONG to 64, so any C compiler can read them, and
# every host gets the same table.  scripts/dev.sh installs linux-libc-dev-arm64-cross.
function(ptrc_uapi abi header host_dir)
  set(found FALSE)
  set(cflags "")
  # The host's own headers first when it is that machine (no cross build).
  if(PTRC_HOST_DIR STREQUAL host_dir AND NOT CMAKE_CROSSCOMPILING)
    set(found TRUE)
  else()
    foreach(d ${ARGN})
      if(EXISTS ${d}/${header})
        set(found TRUE)
        set(cflags "-nostdinc -I${d}")
        break()
      endif()
    endforeach()
  endif()
  if(NOT found)
    message(WARNING "ptrc: no ${abi} UAPI headers (<${header}> in ${ARGN}): the ${abi} ABI "
                    "is built with an empty syscall table and its table tests are skipped")
  endif()
  set(PTRC_UAPI_${abi}_FOUND ${found} PARENT_SCOPE)
  set(PTRC_UAPI_${abi}_CFLAGS "${cflags}" PARENT_SCOPE)
endfunction()
