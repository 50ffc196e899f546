/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-query.h: which documents a list shows and in what order, run in SQL */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RAAD_TYPE_QUERY (raad_query_get_type ())
typedef struct _RaadQuery RaadQuery;

GType       raad_query_get_type            (void) G_GNUC_CONST;
RaadQuery  *raad_query_new                 (const char        *type);
RaadQuery  *raad_query_ref                 (RaadQuery         *self);
void        raad_query_unref               (RaadQuery         *self);
const char *raad_query_get_doc_type        (RaadQuery         *self);

/* Field conditions; fields are JSON field names of the body. All conditions must hold. */
void        raad_query_where_equals        (RaadQuery         *self,
                                            const char        *field,
                                            const char        *value);
/* @value is one of the strings of the array @field. */
/* The field's value sorts before @value (text: dates as YYYY-MM-DD compare as dates). */
void        raad_query_where_less_than     (RaadQuery         *self,
                                            const char        *field,
                                            const char        *value);
void        raad_query_where_contains      (RaadQuery         *self,
                                            const char        *field,
                                            const char        *value);
/* @field equals @value, or @value is in the array @array_field (members of a council,
 * linking pins included). */
void        raad_query_where_equals_or_contains (RaadQuery    *self,
                                                 const char   *field,
                                                 const char   *array_field,
                                                 const char   *value);
/* Full-text search, as a user types: every word must match the start of a word of the
 * document (or, with raad_query_match_also_via, of the document @field points to). */
void        raad_query_match               (RaadQuery         *self,
                                            const char        *text);
void        raad_query_match_also_via      (RaadQuery         *self,
                                            const char        *field);
/* The same with the type of the documents @field points to given (the two-argument form takes
 * it from the field's name: "council_id" points to a "council"). */
void        raad_query_match_also_via_type (RaadQuery         *self,
                                            const char        *field,
                                            const char        *type);
/* Only documents that @child has a result for through @child_field (a council with members
 * that match): id IN (child's @child_field) [or in its @child_array_field]. */
void        raad_query_where_referenced_by (RaadQuery         *self,
                                            RaadQuery         *child,
                                            const char        *child_field,
                                            const char        *child_array_field);
/* Ordering: applied in the order given; text compares case-insensitively. */
void        raad_query_order_by            (RaadQuery         *self,
                                            const char        *field,
                                            gboolean           descending);
/* Orders by an order key (raad-order-key.h): byte by byte, not as text. */
void        raad_query_order_by_key        (RaadQuery         *self,
                                            const char        *field);
/* Orders by the position of the field's value in @ranks (others last). */
void        raad_query_order_by_rank       (RaadQuery         *self,
                                            const char        *field,
                                            const char * const *ranks);

/* For the store: the SQL selecting ids (and @extra_fields' values after the id), with its
 * parameters. */
char       *_raad_query_to_sql             (RaadQuery         *self,
                                            GPtrArray         *params);
char       *_raad_query_to_sql_with        (RaadQuery         *self,
                                            const char * const *extra_fields,
                                            GPtrArray         *params);
/* The same with the rowid after the id. */
char       *_raad_query_to_sql_rows        (RaadQuery         *self,
                                            const char * const *extra_fields,
                                            GPtrArray         *params);
/* The SQL selecting the rowids the text match allows (of any type), or NULL without one. */
char       *_raad_query_to_match_sql       (RaadQuery         *self,
                                            GPtrArray         *params);
gboolean    _raad_query_has_conditions     (RaadQuery         *self);
gboolean    _raad_query_has_match          (RaadQuery         *self);
RaadQuery  *_raad_query_copy_without_match (RaadQuery         *self);
/* TRUE when a change to a document of @type may change this query's result. */
gboolean    _raad_query_depends_on         (RaadQuery         *self,
                                            const char        *type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaadQuery, raad_query_unref)

G_END_DECLS
