/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-record.h: the base type of every typed record over a store document */
#pragma once

#include "raad-store.h"

G_BEGIN_DECLS

#define RAAD_TYPE_RECORD (raad_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (RaadRecord, raad_record, RAAD, RECORD, GObject)

/* A subclass declares its fields as GObject properties of type string, boolean, int, int64,
 * double or GStrv; each maps to the JSON field of the same name with '-' written as '_'.
 * Fields the class does not know are kept and written back untouched.
 */
struct _RaadRecordClass
{
  GObjectClass parent_class;

  /* The document "type", e.g. "member". */
  const char *type_name;
  /* Records private to their council (signals, draft agendas, contacts, requests): saved
   * with "scope": "council", so that sync keeps them in that council's own server database
   * and never in the organisation's, which every council reads. */
  gboolean    council_private;
  /* JSON fields holding personal data (AVG): exports meant for others leave them out. */
  const char * const *personal_fields;

  gpointer padding[6];
};

/* Registers a record class so that documents of its type become objects of it. */
void         raad_record_register_type       (GType          type);
GType        raad_record_type_from_name      (const char    *type_name);

/* A new, unsaved record with a fresh id. */
RaadRecord  *raad_record_new                 (GType          type,
                                              RaadStore     *store);
/* The one live object for @id in @store (an identity map): loading the same id twice gives
 * the same object, and it follows later changes of the document. */
RaadRecord  *raad_record_load                (RaadStore     *store,
                                              const char    *id,
                                              GError       **error);
/* Like raad_record_load but from a body already read, e.g. a conflicting revision; the
 * object is not in the identity map and does not follow changes. */
RaadRecord  *raad_record_new_from_json       (RaadStore     *store,
                                              JsonObject    *body);

/* TRUE when the JSON field @field of records of @type holds personal data. */
gboolean     raad_record_type_field_is_personal (GType       type,
                                                 const char *field);

RaadStore   *raad_record_get_store           (RaadRecord    *self);
const char  *raad_record_get_id              (RaadRecord    *self);
const char  *raad_record_get_rev             (RaadRecord    *self);
const char  *raad_record_get_type_name       (RaadRecord    *self);
gboolean     raad_record_get_deleted         (RaadRecord    *self);
gboolean     raad_record_is_saved            (RaadRecord    *self);

/* Saves the fields as a new revision; on success the rev property changes. */
gboolean     raad_record_save                (RaadRecord    *self,
                                              GError       **error);
/* Writes a tombstone; raad_record_undelete writes the last body again on top of it. */
gboolean     raad_record_delete              (RaadRecord    *self,
                                              GError       **error);
gboolean     raad_record_undelete            (RaadRecord    *self,
                                              GError       **error);
/* Deletes or undeletes all of @records (RaadRecord, all of one store) in one transaction:
 * all or none (a record with its children, and Undo of that). */
gboolean     raad_record_delete_all          (GPtrArray     *records,
                                              GError       **error);
gboolean     raad_record_undelete_all        (GPtrArray     *records,
                                              GError       **error);

/* The body as the store writes it (fields, unknown fields, "_attachments"). */
JsonObject  *raad_record_to_json             (RaadRecord    *self);
/* Sets the fields from @body; unknown fields are kept. */
void         raad_record_set_from_json       (RaadRecord    *self,
                                              JsonObject    *body);

/* Attachments: set one (stored with the next save), drop one, or read one. */
void         raad_record_set_attachment      (RaadRecord    *self,
                                              const char    *name,
                                              const char    *content_type,
                                              GBytes        *data);
void         raad_record_remove_attachment   (RaadRecord    *self,
                                              const char    *name);
gboolean     raad_record_has_attachment      (RaadRecord    *self,
                                              const char    *name);
/* The digest of the attachment, a stable key for caches; NULL when there is none. */
const char  *raad_record_get_attachment_digest (RaadRecord  *self,
                                                const char  *name);
/* The names of the record's attachments, sorted. */
GStrv        raad_record_list_attachments    (RaadRecord    *self);
/* The size in bytes of a saved attachment, -1 when unknown (none, or not saved yet). */
gint64       raad_record_get_attachment_size (RaadRecord    *self,
                                              const char    *name);
GBytes      *raad_record_get_attachment      (RaadRecord    *self,
                                              const char    *name,
                                              char         **content_type,
                                              GError       **error);

/* Field access by property name, for the subclasses' accessors. */
const char  *raad_record_get_string          (RaadRecord    *self,
                                              const char    *field);
void         raad_record_set_string          (RaadRecord    *self,
                                              const char    *field,
                                              const char    *value);
const char * const *raad_record_get_strv     (RaadRecord    *self,
                                              const char    *field);
void         raad_record_set_strv            (RaadRecord    *self,
                                              const char    *field,
                                              const char * const *value);

/* Subclasses use these as their GObjectClass get_property/set_property: the values live in
 * the base type, which compares, stores and notifies. */
void         _raad_record_get_field          (GObject       *object,
                                              guint          prop_id,
                                              GValue        *value,
                                              GParamSpec    *pspec);
void         _raad_record_set_field          (GObject       *object,
                                              guint          prop_id,
                                              const GValue  *value,
                                              GParamSpec    *pspec);

/* For the store: refresh a live object after its document changed. */
void         _raad_record_refresh            (RaadRecord    *self,
                                              JsonObject    *body);

G_END_DECLS
