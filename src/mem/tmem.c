#include "tmem.h"

#include <errno.h>
#include <string.h>

enum { PAGE = 4096 };

int tmem_read(const struct tmem *m, uint64_t addr, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = m->ops->read(m->ctx, addr + done, (char *)buf + done, len - done);
		if (n < 0)
			return (int)n;
		if (n == 0)
			return -EFAULT;
		done += (size_t)n;
	}
	return 0;
}

int tmem_read_word(const struct tmem *m, unsigned word_size, uint64_t addr, uint64_t *out)
{
	uint32_t w32;
	uint64_t w64;
	int rc = word_size == 4 ? tmem_read(m, addr, &w32, sizeof(w32))
				: tmem_read(m, addr, &w64, sizeof(w64));

	if (rc == 0)
		*out = word_size == 4 ? w32 : w64;
	return rc;
}

ssize_t tmem_read_str(const struct tmem *m, uint64_t addr, char *buf, size_t max, bool *complete)
{
	size_t done = 0;

	*complete = false;
	while (done <= max) {
		/* Stay within one page so a NUL before an unmapped page is found. */
		size_t chunk = PAGE - ((addr + done) & (PAGE - 1));
		if (chunk > max + 1 - done)
			chunk = max + 1 - done;
		ssize_t n = m->ops->read(m->ctx, addr + done, buf + done, chunk);
		if (n <= 0) {
			if (done == 0)
				return n < 0 ? n : -EFAULT;
			break;
		}
		char *nul = memchr(buf + done, '\0', (size_t)n);
		if (nul) {
			*complete = true;
			return nul - buf;
		}
		done += (size_t)n;
		if ((size_t)n < chunk)
			break;
	}
	if (done > max)
		done = max;
	buf[done] = '\0';
	return (ssize_t)done;
}

static ssize_t fake_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	const struct tmem_fake *f = ctx;

	for (size_t i = 0; i < f->n; i++) {
		const struct tmem_region *r = &f->regions[i];
		if (addr < r->addr || addr >= r->addr + r->len)
			continue;
		size_t avail = r->addr + r->len - addr;
		size_t n = len < avail ? len : avail;
		memcpy(buf, (const char *)r->data + (addr - r->addr), n);
		return (ssize_t)n;
	}
	return -EFAULT;
}

static const struct tmem_ops fake_ops = {.read = fake_read};

void tmem_fake_init(struct tmem_fake *f, struct tmem *m, const struct tmem_region *r, size_t n)
{
	f->regions = r;
	f->n = n;
	m->ops = &fake_ops;
	m->ctx = f;
}
