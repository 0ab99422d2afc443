/*
 * NETLINK_ROUTE's bridge multicast database messages (RTM_NEWMDB, DELMDB,
 * GETMDB): struct br_port_msg and the names of its MDBA_* attributes, as
 * strace 6.1 shows them.  The entries inside MDBA_MDB and MDBA_ROUTER are
 * not decoded yet: bytes.
 */
#include <linux/if_bridge.h>
#include <stddef.h>
#include <sys/socket.h>

#include "flags.h"
#include "netlink.h"

static const struct nl_field br_port_msg_fields[] = {
	NLF(struct br_port_msg, family, NLF_ENUM, &xl_address_families),
	NLF(struct br_port_msg, ifindex, NLF_IFINDEX, NULL),
};
const struct nl_struct nl_br_port_msg = NL_STRUCT(struct br_port_msg, br_port_msg_fields);

static const struct nla_set mdb_attrs = NLA_NAMES(&xl_mdba_mdb_attrs);
static const struct nla_set router_attrs = NLA_NAMES(&xl_mdba_router_attrs);

static const struct nla_pol mdba_pol[] = {
	NLA_PN(MDBA_MDB, &mdb_attrs),
	NLA_PN(MDBA_ROUTER, &router_attrs),
};
const struct nla_set nl_mdba_attrs = NLA_SET(&xl_mdba_attrs, mdba_pol);
