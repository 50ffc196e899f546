/* SPDX-License-Identifier: GPL-3.0-or-later */
/* raad-facebook-state.c: what one face-book page shows: search, filters, display settings */
#define G_LOG_DOMAIN "raad-facebook"

#include "config.h"

#include <glib/gi18n.h>

#include "raad-facebook-state.h"
#include "raad-member.h"

/* One object shared by the page, its council sections and their cards, so that a section
 * can build its member query and a card knows the settings without each of them reading
 * GSettings or reaching up the widget tree. */

struct _RaadFacebookState
{
  GObject    parent_instance;

  RaadStore *store;
  char      *search;
  char      *role;
  char      *attention_area;
  char      *council_id;
  char      *current_council_id;
  guint      term_warning_months;
  gboolean   show_contact_details;
  guint      batch;
  gboolean   changed_in_batch;
};

G_DEFINE_FINAL_TYPE (RaadFacebookState, raad_facebook_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_ROLE,
  PROP_ATTENTION_AREA,
  PROP_COUNCIL_ID,
  PROP_FILTERING,
  PROP_TERM_WARNING_MONTHS,
  PROP_SHOW_CONTACT_DETAILS,
  PROP_CURRENT_COUNCIL_ID,
  N_PROPS
};

enum {
  FILTERS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Empty strings are no filter; store NULL for them. */
static gboolean
set_filter (RaadFacebookState  *self,
            char              **field,
            const char         *value,
            guint               prop_id)
{
  gboolean was_filtering = raad_facebook_state_get_filtering (self);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (was_filtering != raad_facebook_state_get_filtering (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERING]);
  if (self->batch > 0)
    self->changed_in_batch = TRUE;
  else
    g_signal_emit (self, signals[FILTERS_CHANGED], 0);
  return TRUE;
}

static void
raad_facebook_state_finalize (GObject *object)
{
  RaadFacebookState *self = RAAD_FACEBOOK_STATE (object);

  g_clear_object (&self->store);
  g_free (self->search);
  g_free (self->role);
  g_free (self->attention_area);
  g_free (self->council_id);
  g_free (self->current_council_id);

  G_OBJECT_CLASS (raad_facebook_state_parent_class)->finalize (object);
}

static void
raad_facebook_state_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RaadFacebookState *self = RAAD_FACEBOOK_STATE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_ATTENTION_AREA:
      g_value_set_string (value, self->attention_area);
      break;
    case PROP_COUNCIL_ID:
      g_value_set_string (value, self->council_id);
      break;
    case PROP_FILTERING:
      g_value_set_boolean (value, raad_facebook_state_get_filtering (self));
      break;
    case PROP_TERM_WARNING_MONTHS:
      g_value_set_uint (value, self->term_warning_months);
      break;
    case PROP_SHOW_CONTACT_DETAILS:
      g_value_set_boolean (value, self->show_contact_details);
      break;
    case PROP_CURRENT_COUNCIL_ID:
      g_value_set_string (value, self->current_council_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_facebook_state_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RaadFacebookState *self = RAAD_FACEBOOK_STATE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      raad_facebook_state_set_store (self, g_value_get_object (value));
      break;
    case PROP_SEARCH:
      raad_facebook_state_set_search (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      raad_facebook_state_set_role (self, g_value_get_string (value));
      break;
    case PROP_ATTENTION_AREA:
      raad_facebook_state_set_attention_area (self, g_value_get_string (value));
      break;
    case PROP_COUNCIL_ID:
      raad_facebook_state_set_council_id (self, g_value_get_string (value));
      break;
    case PROP_TERM_WARNING_MONTHS:
      if (self->term_warning_months != g_value_get_uint (value))
        {
          self->term_warning_months = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_CONTACT_DETAILS:
      if (self->show_contact_details != g_value_get_boolean (value))
        {
          self->show_contact_details = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CURRENT_COUNCIL_ID:
      if (g_strcmp0 (self->current_council_id, g_value_get_string (value)) != 0)
        {
          g_free (self->current_council_id);
          self->current_council_id = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raad_facebook_state_class_init (RaadFacebookStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = raad_facebook_state_finalize;
  object_class->get_property = raad_facebook_state_get_property;
  object_class->set_property = raad_facebook_state_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAAD_TYPE_STORE, flags);
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_ATTENTION_AREA] =
    g_param_spec_string ("attention-area", NULL, NULL, NULL, flags);
  properties[PROP_COUNCIL_ID] = g_param_spec_string ("council-id", NULL, NULL, NULL, flags);
  properties[PROP_FILTERING] =
    g_param_spec_boolean ("filtering", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TERM_WARNING_MONTHS] =
    g_param_spec_uint ("term-warning-months", NULL, NULL, 0, 120, 3, flags);
  properties[PROP_SHOW_CONTACT_DETAILS] =
    g_param_spec_boolean ("show-contact-details", NULL, NULL, TRUE, flags);
  properties[PROP_CURRENT_COUNCIL_ID] =
    g_param_spec_string ("current-council-id", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The member queries changed: sections rebuild theirs. */
  signals[FILTERS_CHANGED] =
    g_signal_new ("filters-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
raad_facebook_state_init (RaadFacebookState *self)
{
  self->term_warning_months = 3;
  self->show_contact_details = TRUE;
}

RaadFacebookState *
raad_facebook_state_new (void)
{
  return g_object_new (RAAD_TYPE_FACEBOOK_STATE, NULL);
}

RaadStore *
raad_facebook_state_get_store (RaadFacebookState *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_STATE (self), NULL);

  return self->store;
}

void
raad_facebook_state_set_store (RaadFacebookState *self,
                               RaadStore         *store)
{
  g_return_if_fail (RAAD_IS_FACEBOOK_STATE (self));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
raad_facebook_state_get_search (RaadFacebookState *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_STATE (self), NULL);

  return self->search;
}

void
raad_facebook_state_set_search (RaadFacebookState *self,
                                const char        *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (RAAD_IS_FACEBOOK_STATE (self));

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  set_filter (self, &self->search, stripped, PROP_SEARCH);
}

const char *
raad_facebook_state_get_role (RaadFacebookState *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_STATE (self), NULL);

  return self->role;
}

void
raad_facebook_state_set_role (RaadFacebookState *self,
                              const char        *role)
{
  g_return_if_fail (RAAD_IS_FACEBOOK_STATE (self));

  set_filter (self, &self->role, role, PROP_ROLE);
}

const char *
raad_facebook_state_get_attention_area (RaadFacebookState *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_STATE (self), NULL);

  return self->attention_area;
}

void
raad_facebook_state_set_attention_area (RaadFacebookState *self,
                                        const char        *area)
{
  g_return_if_fail (RAAD_IS_FACEBOOK_STATE (self));

  set_filter (self, &self->attention_area, area, PROP_ATTENTION_AREA);
}

const char *
raad_facebook_state_get_council_id (RaadFacebookState *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_STATE (self), NULL);

  return self->council_id;
}

void
raad_facebook_state_set_council_id (RaadFacebookState *self,
                                    const char        *council_id)
{
  g_return_if_fail (RAAD_IS_FACEBOOK_STATE (self));

  if (council_id != NULL && *council_id == '\0')
    council_id = NULL;
  if (g_strcmp0 (self->council_id, council_id) == 0)
    return;
  g_free (self->council_id);
  self->council_id = g_strdup (council_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNCIL_ID]);
}

gboolean
raad_facebook_state_get_filtering (RaadFacebookState *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_STATE (self), FALSE);

  return self->search != NULL || self->role != NULL || self->attention_area != NULL;
}

void
raad_facebook_state_clear_filters (RaadFacebookState *self)
{
  g_return_if_fail (RAAD_IS_FACEBOOK_STATE (self));

  g_object_freeze_notify (G_OBJECT (self));
  self->batch++;
  raad_facebook_state_set_search (self, NULL);
  raad_facebook_state_set_role (self, NULL);
  raad_facebook_state_set_attention_area (self, NULL);
  raad_facebook_state_set_council_id (self, NULL);
  self->batch--;
  if (self->changed_in_batch)
    {
      self->changed_in_batch = FALSE;
      g_signal_emit (self, signals[FILTERS_CHANGED], 0);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

guint
raad_facebook_state_get_term_warning_months (RaadFacebookState *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_STATE (self), 3);

  return self->term_warning_months;
}

gboolean
raad_facebook_state_get_show_contact_details (RaadFacebookState *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_STATE (self), FALSE);

  return self->show_contact_details;
}

const char *
raad_facebook_state_get_current_council_id (RaadFacebookState *self)
{
  g_return_val_if_fail (RAAD_IS_FACEBOOK_STATE (self), NULL);

  return self->current_council_id;
}

RaadQuery *
raad_facebook_state_build_member_query (RaadFacebookState *self)
{
  RaadQuery *query;

  g_return_val_if_fail (RAAD_IS_FACEBOOK_STATE (self), NULL);

  query = raad_query_new ("member");
  if (self->search != NULL)
    {
      raad_query_match (query, self->search);
      raad_query_match_also_via (query, "council_id");
    }
  if (self->role != NULL)
    raad_query_where_equals (query, "role", self->role);
  if (self->attention_area != NULL)
    raad_query_where_contains (query, "attention_areas", self->attention_area);
  raad_query_order_by_rank (query, "role", raad_member_roles ());
  raad_query_order_by (query, "name", FALSE);
  return query;
}
