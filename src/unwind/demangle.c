/*
 * Symbol demangling.  Debian has no C demangler library that is installed by
 * default (libiberty-dev is static and unversioned), so ptrc uses the
 * Itanium C++ ABI demangler that libstdc++ exports with C linkage,
 * __cxa_demangle, and links -lstdc++.  Rust's legacy mangling is Itanium
 * mangling with a trailing hash component ("::h0123456789abcdef"), which is
 * removed; Rust v0 names ("_R...") are left as they are.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "unwind.h"

/* Declared in libstdc++'s <cxxabi.h> (namespace abi, extern "C"). */
char *__cxa_demangle(const char *mangled, char *buf, size_t *len, int *status);

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

	if (!sym || strncmp(sym, "_Z", 2) != 0)
		return NULL;
	out = __cxa_demangle(sym, NULL, NULL, &status);
	if (status != 0) {
		free(out);
		return NULL;
	}
	/* Rust legacy names end in "17h<16 hex>E". */
	if (strstr(sym, "17h") && sym[strlen(sym) - 1] == 'E')
		strip_rust_hash(out);
	return out;
}
