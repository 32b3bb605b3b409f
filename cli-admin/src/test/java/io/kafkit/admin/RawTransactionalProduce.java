package io.kafkit.admin;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * A transactional record written straight to a partition leader with a Produce request of version
 * 11, which leaves the adding of the partition to the client: sent without AddPartitionsToTxn, to a
 * broker that does not verify transactions, it opens a transaction on the partition that its
 * coordinator never hears of. That is a hanging transaction, as old clients and lost requests leave
 * them. Test code only: it uses kafka-clients' request classes.
 */
final class RawTransactionalProduce {
  private static final short VERSION = 11;

  private RawTransactionalProduce() {}

  /** Writes one record; returns its offset, or throws with the broker's error. */
  static long send(
      String broker,
      String transactionalId,
      long producerId,
      short epoch,
      String topic,
      int partition)
      throws IOException {
    MemoryRecords records =
        MemoryRecords.withTransactionalRecords(
            Compression.NONE,
            producerId,
            epoch,
            0,
            new SimpleRecord(
                System.currentTimeMillis(),
                "hanging".getBytes(StandardCharsets.UTF_8),
                "left open".getBytes(StandardCharsets.UTF_8)));
    ProduceRequestData.TopicProduceDataCollection topics =
        new ProduceRequestData.TopicProduceDataCollection();
    topics.add(
        new ProduceRequestData.TopicProduceData()
            .setName(topic)
            .setPartitionData(
                List.of(
                    new ProduceRequestData.PartitionProduceData()
                        .setIndex(partition)
                        .setRecords(records))));
    ProduceRequestData data =
        new ProduceRequestData()
            .setAcks((short) -1)
            .setTimeoutMs(30_000)
            .setTransactionalId(transactionalId)
            .setTopicData(topics);
    RequestHeader header = new RequestHeader(ApiKeys.PRODUCE, VERSION, "kafkit-it", 1);
    ByteBuffer request =
        new ProduceRequest.Builder(VERSION, VERSION, data)
            .build(VERSION)
            .serializeWithHeader(header);
    String[] hostPort = broker.split(",")[0].split(":");
    try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
      socket.setSoTimeout(30_000);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      byte[] bytes = new byte[request.remaining()];
      request.get(bytes);
      out.writeInt(bytes.length);
      out.write(bytes);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] response = new byte[in.readInt()];
      in.readFully(response);
      ProduceResponse produced =
          (ProduceResponse) AbstractResponse.parseResponse(ByteBuffer.wrap(response), header);
      var result = produced.data().responses().iterator().next().partitionResponses().get(0);
      if (result.errorCode() != 0) {
        throw new IOException("produce refused: " + Errors.forCode(result.errorCode()));
      }
      return result.baseOffset();
    }
  }
}
