# Cross-building ptrc for aarch64 on a Debian amd64 machine:
#   cmake -S . -B build-arch/aarch64 -DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake
# Needs gcc-aarch64-linux-gnu (and g++ for the C++ test program, optional) and the arm64
# multiarch -dev packages: libdw-dev:arm64 libelf-dev:arm64 libunwind-dev:arm64
# libcapstone-dev:arm64 (tests/arch/run-aarch64.sh installs them).  Debian's cross gcc
# searches /usr/lib/aarch64-linux-gnu and /usr/include/aarch64-linux-gnu by itself.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
find_program(PTRC_AARCH64_CXX aarch64-linux-gnu-g++)
if(PTRC_AARCH64_CXX)
  set(CMAKE_CXX_COMPILER ${PTRC_AARCH64_CXX})
endif()
# pkg-config reads the arm64 .pc files only.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
