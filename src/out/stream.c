#include "stream.h"

#include "../util/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OUT_FLUSH_AT = 64 * 1024 };

void out_init_fd(struct out_stream *s, int fd, bool autoflush)
{
	memset(s, 0, sizeof(*s));
	s->fd = fd;
	s->autoflush = autoflush;
}

int out_open(struct out_stream *s, const char *path, bool append)
{
	int fd = outfile_open(path, append);

	if (fd < 0)
		return fd;
	out_init_fd(s, fd, false);
	s->owns_fd = true;
	s->name = strdup(path);
	return 0;
}

int out_suspend(struct out_stream *s)
{
	int rc = out_flush(s);

	if (s->owns_fd && s->fd >= 0 && close(s->fd) < 0 && !rc)
		rc = s->err = -errno;
	s->fd = -1;
	return rc;
}

int out_resume(struct out_stream *s)
{
	if (s->fd >= 0 || !s->owns_fd || !s->name)
		return 0;
	int fd = outfile_open(s->name, true);
	if (fd < 0)
		return fd;
	s->fd = fd;
	return 0;
}

int out_flush(struct out_stream *s)
{
	size_t done = 0;

	while (done < s->buf.len) {
		ssize_t n = write(s->fd, s->buf.buf + done, s->buf.len - done);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (!s->err)
				s->err = -errno;
			break;
		}
		done += (size_t)n;
	}
	strbuf_reset(&s->buf);
	return s->err;
}

size_t out_visible_len(const char *text, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\033') {
			while (i < len && text[i] != 'm')
				i++;
			continue;
		}
		n++;
	}
	return n;
}

void out_write(struct out_stream *s, const char *text, size_t len)
{
	strbuf_addn(&s->buf, text, len);
	const char *nl = memrchr(text, '\n', len);
	if (nl)
		s->col = out_visible_len(nl + 1, len - (size_t)(nl + 1 - text));
	else
		s->col += s->color ? out_visible_len(text, len) : len;
	if (s->autoflush || s->buf.len >= OUT_FLUSH_AT)
		out_flush(s);
}

void out_close_open_line(struct out_stream *s)
{
	static const char unfinished[] = " <unfinished ...>\n";

	if (!s->open_tid)
		return;
	s->open_tid = 0;
	out_write(s, unfinished, sizeof(unfinished) - 1);
}

int out_close(struct out_stream *s)
{
	int rc = out_flush(s);

	if (s->owns_fd && s->fd >= 0 && close(s->fd) < 0 && !rc)
		rc = -errno;
	strbuf_free(&s->buf);
	strbuf_free(&s->line);
	free(s->name);
	s->name = NULL;
	s->fd = -1;
	return rc;
}
