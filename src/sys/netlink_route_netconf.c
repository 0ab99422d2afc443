/*
 * NETLINK_ROUTE's netconf messages (RTM_NEWNETCONF, DELNETCONF, GETNETCONF):
 * struct netconfmsg and its NETCONFA_* attributes, as strace 6.1 shows them.
 */
#include <linux/netconf.h>
#include <stddef.h>
#include <sys/socket.h>

#include "flags.h"
#include "netlink.h"

static const struct nl_field netconfmsg_fields[] = {
	NLF(struct netconfmsg, ncm_family, NLF_ENUM, &xl_address_families),
};
const struct nl_struct nl_netconfmsg = NL_STRUCT(struct netconfmsg, netconfmsg_fields);

/* The settings are ints: strace shows them signed, NETCONFA_IFINDEX_ALL unsigned. */
static const struct nla_pol netconfa_pol[] = {
	NLA_P(NETCONFA_IFINDEX, NLA_IFINDEX), NLA_P(NETCONFA_FORWARDING, NLA_S32),
	NLA_P(NETCONFA_RP_FILTER, NLA_S32),   NLA_P(NETCONFA_MC_FORWARDING, NLA_S32),
	NLA_P(NETCONFA_PROXY_NEIGH, NLA_S32), NLA_P(NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN, NLA_S32),
	NLA_P(NETCONFA_INPUT, NLA_S32),	      NLA_P(NETCONFA_BC_FORWARDING, NLA_S32),
};
const struct nla_set nl_netconfa_attrs = NLA_SET(&xl_netconfa_attrs, netconfa_pol);
