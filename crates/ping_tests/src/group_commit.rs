//! Answers arrive in bursts (a campaign's link mailed to thousands of PoCs
//! at once). Each answer and its log entry must be durable before its
//! page says "recorded", and one commit per answer caps the rate at what
//! the disk syncs per second. Group commit: answers that arrive while a
//! commit runs wait and go together in the next transaction, so the rate
//! grows with the load and a lone answer waits for nothing.

use async_trait::async_trait;
use pocdir_store::{AnswerWritten, NewAnswer, Store, StoreError};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// Where answers are written.
#[async_trait]
pub trait AnswerWriter: Send + Sync {
    async fn write(&self, answer: NewAnswer) -> Result<AnswerWritten, StoreError>;
}

/// One transaction per answer: for tests and tools.
pub struct DirectWriter<'a>(pub &'a dyn Store);

#[async_trait]
impl AnswerWriter for DirectWriter<'_> {
    async fn write(&self, answer: NewAnswer) -> Result<AnswerWritten, StoreError> {
        let mut written = self.0.record_answers(vec![answer]).await?;
        written.pop().ok_or(StoreError::NotFound)
    }
}

type Reply = oneshot::Sender<Result<AnswerWritten, String>>;

/// Writes answers through one task that commits them in batches.
#[derive(Clone)]
pub struct GroupCommit {
    queue: mpsc::Sender<(NewAnswer, Reply)>,
}

impl std::fmt::Debug for GroupCommit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupCommit").finish_non_exhaustive()
    }
}

/// At most so many answers per transaction.
pub const MAX_BATCH: usize = 512;

impl GroupCommit {
    /// Starts the writer task on the current runtime; it ends when the
    /// last `GroupCommit` handle is dropped.
    pub fn start(store: Arc<dyn Store>) -> GroupCommit {
        let (queue, mut inbox) = mpsc::channel::<(NewAnswer, Reply)>(MAX_BATCH * 8);
        tokio::spawn(async move {
            while let Some(first) = inbox.recv().await {
                let mut batch = vec![first];
                // Whatever queued up meanwhile goes in the same commit.
                while batch.len() < MAX_BATCH {
                    match inbox.try_recv() {
                        Ok(next) => batch.push(next),
                        Err(_) => break,
                    }
                }
                let (answers, replies): (Vec<NewAnswer>, Vec<Reply>) = batch.into_iter().unzip();
                match store.record_answers(answers.clone()).await {
                    Ok(written) => {
                        for (reply, w) in replies.into_iter().zip(written) {
                            let _ = reply.send(Ok(w));
                        }
                    }
                    // One bad answer must not fail the others: alone, each
                    // gets its own outcome.
                    Err(_) if answers.len() > 1 => {
                        for (answer, reply) in answers.into_iter().zip(replies) {
                            let one = store
                                .record_answers(vec![answer])
                                .await
                                .map_err(|e| e.to_string())
                                .and_then(|mut w| w.pop().ok_or_else(|| "no result".to_string()));
                            let _ = reply.send(one);
                        }
                    }
                    Err(e) => {
                        let message = e.to_string();
                        for reply in replies {
                            let _ = reply.send(Err(message.clone()));
                        }
                    }
                }
            }
        });
        GroupCommit { queue }
    }
}

#[async_trait]
impl AnswerWriter for GroupCommit {
    async fn write(&self, answer: NewAnswer) -> Result<AnswerWritten, StoreError> {
        let (reply, answer_rx) = oneshot::channel();
        self.queue
            .send((answer, reply))
            .await
            .map_err(|_| StoreError::Corrupt("the answer writer stopped".into()))?;
        match answer_rx.await {
            Ok(Ok(written)) => Ok(written),
            Ok(Err(message)) => Err(StoreError::Corrupt(message)),
            Err(_) => Err(StoreError::Corrupt("the answer writer stopped".into())),
        }
    }
}
