# The test programs again as i386 programs (gcc -m32), in testprogs/m32/ under the same
# names, when this x86_64 host's compiler can build them.  Debian's gcc-multilib conflicts
# with the cross compilers, so the toolchain is gcc-12-multilib alone (scripts/dev.sh), and
# the one thing gcc-multilib adds, /usr/include/asm, is a symlink made here in inc32/.
if(CMAKE_CROSSCOMPILING OR NOT CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64)$"
   OR PTRC_NO_M32)
  return()
endif()
set(m32_inc ${CMAKE_CURRENT_BINARY_DIR}/inc32)
set(m32_asm /usr/include/${CMAKE_LIBRARY_ARCHITECTURE}/asm)
if(NOT EXISTS ${m32_inc}/asm AND EXISTS ${m32_asm})
  file(MAKE_DIRECTORY ${m32_inc})
  file(CREATE_LINK ${m32_asm} ${m32_inc}/asm SYMBOLIC)
endif()
set(m32_cflags -m32 -isystem ${m32_inc})
include(CheckCSourceCompiles)
include(CMakePushCheckState)
cmake_push_check_state(RESET)
set(CMAKE_REQUIRED_FLAGS "-m32 -isystem ${m32_inc} -pthread")
set(CMAKE_REQUIRED_LINK_OPTIONS -m32 -pthread)
check_c_source_compiles("
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) { return (int)syscall(SYS_getpid) * 0 + (int)sizeof(pthread_t) - 4; }"
  PTRC_HAVE_M32)
cmake_pop_check_state()
if(NOT PTRC_HAVE_M32)
  message(STATUS "ptrc: no -m32 toolchain (apt-get install --no-install-recommends "
                 "gcc-12-multilib): i386 test programs not built")
  return()
endif()

set(PTRC_M32_DIR ${CMAKE_CURRENT_BINARY_DIR}/m32)
add_library(tp_expect_32 STATIC expect.c)
target_compile_definitions(tp_expect_32 PUBLIC _GNU_SOURCE)
target_compile_options(tp_expect_32 PUBLIC ${m32_cflags} PRIVATE ${tp_flags})
target_link_options(tp_expect_32 PUBLIC -m32 -pthread -fno-sanitize=all)

# name_32 builds m32/name from name.c.
function(ptrc_m32_program name)
  add_executable(${name}_32 ${ARGN})
  set_target_properties(${name}_32 PROPERTIES OUTPUT_NAME ${name}
                        RUNTIME_OUTPUT_DIRECTORY ${PTRC_M32_DIR})
  target_compile_options(${name}_32 PRIVATE ${tp_flags} ${m32_cflags})
  target_link_options(${name}_32 PRIVATE -m32 -fno-sanitize=all)
endfunction()

set(PTRC_TESTPROGS_32)
foreach(name ${PTRC_TESTPROGS})
  ptrc_m32_program(${name} ${name}.c)
  target_link_libraries(${name}_32 PRIVATE tp_expect_32)
  list(APPEND PTRC_TESTPROGS_32 ${name}_32)
endforeach()
# Crash programs for -k stacks and crash reports of a 32-bit tracee (it_debug).
foreach(name crash_null crash_kstack crash_handled)
  ptrc_m32_program(${name} ${name}.c)
  list(APPEND PTRC_TESTPROGS_32 ${name}_32)
endforeach()
target_link_libraries(crash_kstack_32 PRIVATE ${CMAKE_DL_LIBS})
add_library(crashlib_32 SHARED crash_libsrc.c)
set_target_properties(crashlib_32 PROPERTIES OUTPUT_NAME crashlib
                      LIBRARY_OUTPUT_DIRECTORY ${PTRC_M32_DIR})
target_compile_options(crashlib_32 PRIVATE ${tp_flags} ${m32_cflags})
target_link_options(crashlib_32 PRIVATE -m32 -fno-sanitize=all)
list(APPEND PTRC_TESTPROGS_32 crashlib_32)
# The i386 numbers of the ioctl requests of a long, a pointer or an i386 struct layout, as
# -m32 sees the headers, for tests/unit/test_ioctl32.c; one file with glibc's 64-bit time.
ptrc_m32_program(ioc32_nums ioc32_nums.c ioc32_nums_t64.c)
set_source_files_properties(ioc32_nums_t64.c PROPERTIES
                            COMPILE_DEFINITIONS "_TIME_BITS=64;_FILE_OFFSET_BITS=64")
if(LIBDRM_FOUND)
  target_compile_definitions(ioc32_nums_32 PRIVATE PTRC_HAVE_DRM_H)
  target_include_directories(ioc32_nums_32 PRIVATE ${LIBDRM_INCLUDE_DIRS})
endif()
list(APPEND PTRC_TESTPROGS_32 ioc32_nums_32)
set(PTRC_TESTPROGS_32 ${PTRC_TESTPROGS_32} PARENT_SCOPE)
set(PTRC_M32_DIR ${PTRC_M32_DIR} PARENT_SCOPE)
