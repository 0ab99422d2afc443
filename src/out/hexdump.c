/*
 * The dump strace prints under a call whose descriptor -e read= or -e write=
 * names: per 16 bytes, the offset in hex, the bytes in two groups of eight,
 * and the printable ASCII ('.' for the rest), padded to full width.
 */
#include "hexdump.h"

void text_hexdump(struct strbuf *sb, const uint8_t *b, size_t n)
{
	for (size_t off = 0; off < n; off += 16) {
		strbuf_addf(sb, " | %05zx  ", off);
		for (size_t i = 0; i < 16; i++) {
			if (off + i < n)
				strbuf_addf(sb, "%02x ", b[off + i]);
			else
				strbuf_adds(sb, "   ");
			if (i == 7)
				strbuf_addc(sb, ' ');
		}
		strbuf_addc(sb, ' ');
		for (size_t i = 0; i < 16; i++) {
			uint8_t c = off + i < n ? b[off + i] : ' ';
			strbuf_addc(sb, c >= 0x20 && c < 0x7f ? (char)c : '.');
		}
		strbuf_adds(sb, " |\n");
	}
}
