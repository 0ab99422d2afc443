#include "procnet.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* /proc/net prints addresses as the kernel's __be32 words, each in host order hex. */
static bool parse_addr(const char *hex, bool v6, char *out, size_t len)
{
	unsigned char bytes[16];
	size_t words = v6 ? 4 : 1;

	if (strlen(hex) != words * 8)
		return false;
	for (size_t w = 0; w < words; w++) {
		char part[9];
		memcpy(part, hex + 8 * w, 8);
		part[8] = '\0';
		uint32_t word = (uint32_t)strtoul(part, NULL, 16);
		memcpy(bytes + 4 * w, &word, 4);
	}
	return inet_ntop(v6 ? AF_INET6 : AF_INET, bytes, out, (socklen_t)len) != NULL;
}

static bool format_endpoint(const char *field, bool v6, char *out, size_t len)
{
	char hex[40], addr[64];
	unsigned port;
	const char *colon = strchr(field, ':');

	if (!colon || (size_t)(colon - field) >= sizeof(hex))
		return false;
	memcpy(hex, field, (size_t)(colon - field));
	hex[colon - field] = '\0';
	if (sscanf(colon + 1, "%x", &port) != 1 || !parse_addr(hex, v6, addr, sizeof(addr)))
		return false;
	snprintf(out, len, v6 ? "[%s]:%u" : "%s:%u", addr, port);
	return true;
}

static bool zero_endpoint(const char *field)
{
	for (; *field && *field != ':'; field++)
		if (*field != '0')
			return false;
	return !strcmp(field, ":0000");
}

bool procnet_describe(const char *table, unsigned long inode, const char *proto, bool v6, char *out,
		      size_t len)
{
	const char *line = strchr(table, '\n'); /* skip the header */

	while (line && *++line) {
		char local[64], remote[64];
		unsigned long ino;
		if (sscanf(line, "%*s %63s %63s %*s %*s %*s %*s %*s %*s %lu", local, remote,
			   &ino) == 3 &&
		    ino == inode) {
			char l[80], r[80];
			if (!format_endpoint(local, v6, l, sizeof(l)))
				return false;
			const char *tag = v6 ? "v6" : "";
			if (zero_endpoint(remote) || !format_endpoint(remote, v6, r, sizeof(r)))
				snprintf(out, len, "%s%s:[%s]", proto, tag, l);
			else
				snprintf(out, len, "%s%s:[%s->%s]", proto, tag, l, r);
			return true;
		}
		line = strchr(line, '\n');
	}
	return false;
}
