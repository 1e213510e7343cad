//! samod's storage over a blob table the use-case layer provides (the
//! workspace's own SQLite file), so the team document, samod's sync state
//! and its storage id live in the one file the user already has, survive
//! restarts, and go wherever the file goes.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

use samod::storage::{Storage, StorageKey};

/// A key/value table of blobs. Keys are `/`-joined paths. Blocking calls:
/// the adapter runs them off the async workers.
pub trait BlobStore: Send + Sync + 'static {
    fn load(&self, key: &str) -> Option<Vec<u8>>;
    /// Every entry whose key starts with `prefix` (a whole path component).
    fn load_prefix(&self, prefix: &str) -> Vec<(String, Vec<u8>)>;
    fn put(&self, key: &str, data: &[u8]);
    fn delete(&self, key: &str);
}

/// The adapter samod is given.
pub struct BlobStorage<B: BlobStore>(Arc<B>);

impl<B: BlobStore> BlobStorage<B> {
    pub fn new(blobs: Arc<B>) -> Self {
        Self(blobs)
    }
}

impl<B: BlobStore> Clone for BlobStorage<B> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

fn key_text(key: &StorageKey) -> String {
    key.to_string()
}

fn key_from(text: &str) -> Option<StorageKey> {
    StorageKey::from_parts(text.split('/')).ok()
}

async fn blocking<B: BlobStore, R: Send + 'static>(
    blobs: Arc<B>,
    work: impl FnOnce(&B) -> R + Send + 'static,
    fallback: R,
) -> R {
    tokio::task::spawn_blocking(move || work(&blobs))
        .await
        .unwrap_or(fallback)
}

impl<B: BlobStore> Storage for BlobStorage<B> {
    fn load(&self, key: StorageKey) -> impl Future<Output = Option<Vec<u8>>> + Send {
        let blobs = self.0.clone();
        let key = key_text(&key);
        async move { blocking(blobs, move |b| b.load(&key), None).await }
    }

    fn load_range(
        &self,
        prefix: StorageKey,
    ) -> impl Future<Output = HashMap<StorageKey, Vec<u8>>> + Send {
        let blobs = self.0.clone();
        let prefix = key_text(&prefix);
        async move {
            let rows = blocking(blobs, move |b| b.load_prefix(&prefix), Vec::new()).await;
            rows.into_iter()
                .filter_map(|(key, data)| key_from(&key).map(|key| (key, data)))
                .collect()
        }
    }

    fn put(&self, key: StorageKey, data: Vec<u8>) -> impl Future<Output = ()> + Send {
        let blobs = self.0.clone();
        let key = key_text(&key);
        async move { blocking(blobs, move |b| b.put(&key, &data), ()).await }
    }

    fn delete(&self, key: StorageKey) -> impl Future<Output = ()> + Send {
        let blobs = self.0.clone();
        let key = key_text(&key);
        async move { blocking(blobs, move |b| b.delete(&key), ()).await }
    }
}
