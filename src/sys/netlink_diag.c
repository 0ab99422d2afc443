/* NETLINK_SOCK_DIAG payloads (issue 15). */
#include "netlink.h"

void nl_diag_payload(struct nl_msg *m)
{
	nl_family_data(m);
}
