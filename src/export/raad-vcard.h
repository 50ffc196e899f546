/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-vcard.h: face-book members to and from vCard (RFC 6350; vCard 3.0 is read too) */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "raad-import-error.h"
#include "raad-member.h"

G_BEGIN_DECLS

typedef enum
{
  RAAD_VCARD_NONE                 = 0,
  /* Also write e-mail addresses and phone numbers that only the member's own council or the
   * member may see (e.g. a member's own data export). Without it only contact details whose
   * visibility is "organisation" leave the app. */
  RAAD_VCARD_ALL_CONTACT_DETAILS  = 1 << 0,
} RaadVcardFlags;

/* Writes @members (RaadMember*) as vCard 4.0 text: CRLF line ends, lines folded at 75 octets.
 * The organisation and council names come from each member's store. */
char       *raad_vcard_write_members        (GPtrArray       *members,
                                             RaadVcardFlags   flags,
                                             GError         **error);
/* The same, written to @path atomically (a temporary file in the same folder, renamed). */
gboolean    raad_vcard_write_members_to_file (GPtrArray      *members,
                                              RaadVcardFlags  flags,
                                              const char     *path,
                                              GError        **error);

/* Reads vCard 3.0 and 4.0 cards. Returns new, unsaved RaadMember objects of @store (an array
 * that owns them), or NULL and a RAAD_IMPORT_ERROR whose message starts with "Line N: ".
 * Nothing partial is ever returned. */
GPtrArray  *raad_vcard_parse                (RaadStore       *store,
                                             GBytes          *data,
                                             GError         **error);

/* For the import dialog's preview of a parsed member. */
/* The council's name: of the council in the store, else the council name the card's ORG
 * gave (not in this database), else NULL. */
char       *raad_vcard_dup_council_name     (RaadMember      *member);
/* The photo read from the card, at @size × @size pixels, or NULL when the card had none. */
GdkPixbuf  *raad_vcard_load_photo           (RaadMember      *member,
                                             int              size,
                                             GError         **error);
/* The id of the member the card was exported from, to spot members already in the store:
 * Raadswerk writes member "member-<uuid>" as UID urn:uuid:<uuid>, and reads it back so.
 * NULL when the card had no UID. */
const char *raad_vcard_get_source_id        (RaadMember      *member);

/* Saves parsed members in one transaction: all of them, or none. */
gboolean    raad_vcard_save_members         (RaadStore       *store,
                                             GPtrArray       *members,
                                             GError         **error);

G_END_DECLS
