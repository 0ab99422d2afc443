/*
 * Symbol demangling.  Debian has no C demangler library that is installed by
 * default (libiberty-dev is static and unversioned), so ptrc uses the
 * Itanium C++ ABI demangler that libstdc++ exports with C linkage,
 * __cxa_demangle, loaded by the first name to demangle: linked, libstdc++'s
 * relocations cost every run 0.3 ms of start-up.  Rust's legacy mangling is Itanium
 * mangling with a trailing hash component ("::h0123456789abcdef"), which is
 * removed; Rust v0 names ("_R...") are left as they are.
 */
#include <ctype.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "unwind.h"

/* As libstdc++'s <cxxabi.h> declares it (namespace abi, extern "C"). */
typedef char *cxa_demangle_fn(const char *mangled, char *buf, size_t *len, int *status);

/* libstdc++'s demangler, loaded once; NULL when it cannot be (names then stay mangled). */
static cxa_demangle_fn *cxa_demangle(void)
{
	static int state; /* 0: not tried, 1: loaded, -1: failed */
	static cxa_demangle_fn *fn;
	void *h;

	if (state)
		return fn;
	state = -1;
	if (!(h = dlopen(PTRC_STDCXX_SONAME, RTLD_NOW | RTLD_LOCAL)))
		return NULL;
	/* POSIX's way from dlsym's object pointer to a function pointer. */
	*(void **)&fn = dlsym(h, "__cxa_demangle");
	state = fn ? 1 : -1;
	return fn;
}

/* Removes a Rust legacy hash: a last component "h" + 16 hex digits. */
static void strip_rust_hash(char *s)
{
	size_t n = strlen(s);

	if (n < 20 || strncmp(s + n - 19, "::h", 3) != 0)
		return;
	for (size_t i = n - 16; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return;
	s[n - 19] = '\0';
}

char *unwind_demangle(const char *sym)
{
	int status = -1;
	char *out;

	cxa_demangle_fn *demangle;

	if (!sym || strncmp(sym, "_Z", 2) != 0 || !(demangle = cxa_demangle()))
		return NULL;
	out = demangle(sym, NULL, NULL, &status);
	if (status != 0) {
		free(out);
		return NULL;
	}
	/* Rust legacy names end in "17h<16 hex>E". */
	if (strstr(sym, "17h") && sym[strlen(sym) - 1] == 'E')
		strip_rust_hash(out);
	return out;
}
