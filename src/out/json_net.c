/* The values of network messages as JSON (docs/json.md, "Values"): interfaces, hardware
 * addresses, error codes as the kernel writes them (netlink's NLMSG_ERROR). */
#include <inttypes.h>
#include <string.h>

#include "../sys/signame.h"
#include "fmt_text.h"
#include "json.h"

/* An interface: {"ifindex": 1, "name": "lo"}, or the number when no interface has it. */
static void json_ifindex(struct strbuf *sb, const struct val *v)
{
	if (!v->ifx.name) {
		strbuf_addf(sb, "%" PRIu64, v->ifx.num);
		return;
	}
	strbuf_addf(sb, "{\"ifindex\":%" PRIu64 ",\"name\":", v->ifx.num);
	json_bytes(sb, v->ifx.name, strlen(v->ifx.name), false, false);
	strbuf_addc(sb, '}');
}

/* An error code: "-ENOENT" as C writes it, or the number (0, or one with no name). */
static void json_errno(struct strbuf *sb, int64_t err)
{
	const char *name = err < 0 ? errno_name(-err) : NULL;

	if (name)
		strbuf_addf(sb, "\"-%s\"", name);
	else
		strbuf_addf(sb, "%" PRId64, err);
}

void json_net_val(struct strbuf *sb, const struct val *v)
{
	switch (v->kind) {
	case VAL_HWADDR:
		strbuf_addc(sb, '"');
		fmt_hwaddr(sb, v);
		strbuf_addc(sb, '"');
		break;
	case VAL_IFINDEX:
		json_ifindex(sb, v);
		break;
	default:
		json_errno(sb, v->i);
		break;
	}
}
